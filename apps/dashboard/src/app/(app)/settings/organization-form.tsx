'use client';
import type { RouterOutputs } from '@carelane/api/client';
import { errorMessage, trpc } from '@carelane/api/react';
import { organizationFields } from '@carelane/api/schemas';
import { knownZones, ONLINE_BOOKING_LABELS, ONLINE_BOOKING_POLICIES, type OnlineBookingPolicy } from '@carelane/core';
import { Alert, Button, CheckboxField, SelectField, TextField } from '@carelane/ui';
import { useRouter } from 'next/navigation';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { fieldErrors } from '@/components/server-errors';

type Settings = RouterOutputs['organization']['settings'];
type Values = {
  name: string;
  zone: string;
  currency: string;
  addressLine: string;
  city: string;
  postalCode: string;
  phone: string;
  email: string;
  taxId: string;
  slug: string;
  onlineBooking: OnlineBookingPolicy;
  requireAdminTwoFactor: boolean;
};
type Field = keyof Values;

const valuesOf = (org: Settings): Values => ({
  name: org.name,
  zone: org.zone,
  currency: org.currency,
  addressLine: org.addressLine ?? '',
  city: org.city ?? '',
  postalCode: org.postalCode ?? '',
  phone: org.phone ?? '',
  email: org.email ?? '',
  taxId: org.taxId ?? '',
  slug: org.slug,
  onlineBooking: org.onlineBooking,
  requireAdminTwoFactor: org.requireAdminTwoFactor,
});

/** A titled group of fields: the form is long, and admins look for one thing at a time. */
function Group({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-4 border-t border-slate-200 pt-4 first:border-t-0 first:pt-0">
      <legend className="float-left w-full text-base font-semibold text-slate-900">{title}</legend>
      {hint ? <p className="clear-both text-sm text-slate-600">{hint}</p> : null}
      <div className="clear-both space-y-4">{children}</div>
    </fieldset>
  );
}

/** Everything about the organization an admin may change, grouped as the clinic thinks of it. */
export function OrganizationForm({ org }: { org: Settings }) {
  const utils = trpc.useUtils();
  const router = useRouter();
  const update = trpc.organization.update.useMutation();
  const zonesId = useId();
  const [values, setValues] = useState<Values>(() => valuesOf(org));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [notice, setNotice] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const taxLabel = org.country === 'IN' ? 'GSTIN' : 'Tax registration';

  function set<K extends Field>(field: K, value: Values[K]) {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
    setNotice(null);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    const parsed = organizationFields.safeParse(values);
    if (!parsed.success) {
      const found: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) found[String(issue.path[0]) as Field] ??= issue.message;
      setErrors(found);
      setNotice({ tone: 'error', text: 'Some details need a look. Nothing was saved.' });
      return;
    }
    update.mutate(parsed.data, {
      onSuccess: async (saved) => {
        setValues(valuesOf(saved));
        setErrors({});
        setNotice({ tone: 'success', text: 'Saved the organization details.' });
        await Promise.all([utils.organization.settings.invalidate(), utils.me.profile.invalidate()]);
        // The shell's organization name is rendered on the server.
        router.refresh();
      },
      onError: (error) => {
        const found = fieldErrors(error) as Partial<Record<Field, string>>;
        setErrors(found);
        setNotice({
          tone: 'error',
          text: Object.keys(found).length ? 'Some details need a look. Nothing was saved.' : errorMessage(error),
        });
      },
    });
  }

  const text = (field: Exclude<Field, 'onlineBooking' | 'requireAdminTwoFactor'>) => ({
    value: values[field],
    onChange: (e: { target: { value: string } }) => set(field, e.target.value),
    error: errors[field],
  });

  return (
    <form noValidate onSubmit={submit} className="space-y-6" aria-label="Organization details">
      <Group title="Identity">
        <TextField
          label="Organization name"
          hint="Shown to patients on forms, invoices and the booking site."
          {...text('name')}
          autoComplete="organization"
          maxLength={120}
          required
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Default time zone"
            hint="An IANA zone such as Asia/Kolkata. Day totals of patients are counted in it."
            {...text('zone')}
            list={zonesId}
            autoComplete="off"
            spellCheck={false}
            required
          />
          <TextField
            label="Currency"
            hint="A code such as INR. A change applies only to new prices and invoices; existing ones keep theirs."
            {...text('currency')}
            maxLength={3}
            autoComplete="off"
            spellCheck={false}
            required
          />
        </div>
        <datalist id={zonesId}>
          {knownZones().map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </Group>

      <Group title="Address and contact" hint="The registered office, printed on invoices.">
        <TextField label="Address" {...text('addressLine')} autoComplete="street-address" maxLength={200} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="City" {...text('city')} autoComplete="address-level2" maxLength={80} />
          <TextField label="Postal code" {...text('postalCode')} autoComplete="postal-code" maxLength={12} />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Phone"
            hint="Patients are told to call it when they cannot book online."
            {...text('phone')}
            type="tel"
            autoComplete="tel"
          />
          <TextField label="Email" {...text('email')} type="email" autoComplete="email" maxLength={200} />
        </div>
      </Group>

      <Group title="Invoices">
        <TextField
          label={taxLabel}
          hint={
            org.country === 'IN'
              ? 'The 15-character GST registration, printed on every invoice. Leave empty if not registered.'
              : 'Printed on every invoice. Leave empty if not registered.'
          }
          {...text('taxId')}
          maxLength={30}
          autoComplete="off"
          spellCheck={false}
        />
      </Group>

      <Group title="Booking site">
        <TextField
          label="Booking-site address"
          hint="Lowercase letters, digits and hyphens. Changing it changes your booking site’s address: the booking site is set up with it (BOOKING_ORGANIZATION), so change it there too, and links shared with the old address stop working."
          {...text('slug')}
          maxLength={60}
          autoComplete="off"
          spellCheck={false}
        />
        <SelectField
          label="Who may book online"
          value={values.onlineBooking}
          onChange={(e) => set('onlineBooking', e.target.value as OnlineBookingPolicy)}
          options={ONLINE_BOOKING_POLICIES.map((p) => ({ value: p, label: ONLINE_BOOKING_LABELS[p] }))}
        />
        {errors.onlineBooking ? <p className="text-sm font-medium text-red-700">{errors.onlineBooking}</p> : null}
        <p className="text-sm text-slate-600">
          {values.onlineBooking === 'off'
            ? 'The booking site shows your phone number instead of free times. Patients can still see and cancel their visits.'
            : values.onlineBooking === 'existing_patients'
              ? 'New patients are asked to call the clinic; patients you already have sign in and book as before.'
              : 'Anyone can register with their mobile number and book.'}
        </p>
      </Group>

      <Group title="Security">
        <CheckboxField
          label="Admins must use two-factor sign-in"
          hint={
            org.callerHasTwoFactor || values.requireAdminTwoFactor
              ? 'Every admin signs in with a code from an authenticator app as well as their password.'
              : 'Turn on two-factor sign-in for your own account first (Account → Two-factor sign-in).'
          }
          checked={values.requireAdminTwoFactor}
          onChange={(e) => set('requireAdminTwoFactor', e.target.checked)}
        />
        {errors.requireAdminTwoFactor ? (
          <p role="alert" className="text-sm font-medium text-red-700">
            {errors.requireAdminTwoFactor}
          </p>
        ) : null}
      </Group>

      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      <Button type="submit" busy={update.isPending}>
        Save details
      </Button>
    </form>
  );
}
