'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { organizationFields } from '@carelane/api/schemas';
import { knownZones } from '@carelane/core';
import { Alert, Button, TextField } from '@carelane/ui';
import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useState } from 'react';
import { detailsOf } from '@/components/server-errors';

type Field = 'name' | 'zone';
type Errors = Partial<Record<Field, string>>;

function fieldErrors(issues: Array<{ field: string; message: string }>): Errors {
  const errors: Errors = {};
  for (const issue of issues) {
    if (issue.field === 'name' || issue.field === 'zone') errors[issue.field] ??= issue.message;
  }
  return errors;
}

/** Name and default zone of the organization, for admins. */
export function OrganizationForm({ name, zone }: { name: string; zone: string }) {
  const utils = trpc.useUtils();
  const router = useRouter();
  const update = trpc.organization.update.useMutation();
  const zonesId = useId();
  const [values, setValues] = useState({ name, zone });
  const [errors, setErrors] = useState<Errors>({});
  const [notice, setNotice] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);

  function set(field: Field, value: string) {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
    setNotice(null);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    const parsed = organizationFields.safeParse(values);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message }))));
      return;
    }
    update.mutate(parsed.data, {
      onSuccess: async (saved) => {
        setValues({ name: saved.name, zone: saved.zone });
        setErrors({});
        setNotice({ tone: 'success', text: 'Saved the organization details.' });
        await Promise.all([utils.organization.settings.invalidate(), utils.me.profile.invalidate()]);
        // The shell's organization name is rendered on the server.
        router.refresh();
      },
      onError: (error) => {
        const found = fieldErrors(detailsOf(error));
        setErrors(found);
        if (Object.keys(found).length === 0) setNotice({ tone: 'error', text: errorMessage(error) });
      },
    });
  }

  return (
    <form noValidate onSubmit={submit} className="space-y-4" aria-label="Organization details">
      <TextField
        label="Organization name"
        hint="Shown to patients on forms and the booking site."
        value={values.name}
        onChange={(e) => set('name', e.target.value)}
        error={errors.name}
        autoComplete="organization"
        maxLength={120}
        required
      />
      <TextField
        label="Default time zone"
        hint="An IANA zone such as Asia/Kolkata. Day totals of patients are counted in it."
        value={values.zone}
        onChange={(e) => set('zone', e.target.value)}
        error={errors.zone}
        list={zonesId}
        autoComplete="off"
        spellCheck={false}
        required
      />
      <datalist id={zonesId}>
        {knownZones().map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      <Button type="submit" busy={update.isPending}>
        Save details
      </Button>
    </form>
  );
}
