'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { CLINIC_KINDS, type ClinicKind, logoPrecheck, PASSWORD_MIN_LENGTH } from '@carelane/core';
import { Alert, Button, Card, TextField } from '@carelane/ui';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { fieldErrors } from '@/components/server-errors';
import { ChoiceField } from './choice-field';
import { slugFromName, uploadLogo } from './setup-steps';

type Choice = { value: string; label: string };

const KIND_LABELS: Record<ClinicKind, string> = {
  general: 'General practice',
  dental: 'Dental',
  psychotherapy: 'Mental health and therapy',
};

/** The organization, its first centre and the first admin, with the setup code from the server's console. */
export function SetupForm({
  countries,
  currencies,
  zones,
}: {
  countries: Choice[];
  currencies: Choice[];
  zones: string[];
}) {
  const router = useRouter();
  const complete = trpc.setup.complete.useMutation();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const [logo, setLogo] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [afterwards, setAfterwards] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (key: string) => String(form.get(key) ?? '');
    const password = value('password');
    const local: Record<string, string> = {};
    if (password !== value('passwordAgain')) local['admin.passwordAgain'] = 'The two passwords are not the same';
    const logoProblem = logo ? logoPrecheck(logo) : null;
    if (logoProblem) local.logo = logoProblem;
    setErrors(local);
    setProblem(null);
    if (Object.keys(local).length > 0) return;

    setBusy(true);
    try {
      const created = await complete.mutateAsync({
        code: value('code'),
        organization: {
          name,
          slug: slug || slugFromName(name),
          country: value('country'),
          currency: value('currency'),
          zone: value('zone'),
          kind: value('kind') as ClinicKind,
        },
        centre: {
          name: value('centreName'),
          addressLine: value('addressLine'),
          city: value('city'),
          postalCode: value('postalCode'),
          phone: value('phone'),
        },
        admin: { name: value('adminName'), email: value('email'), password },
      });
      const signedIn = await signIn('staff-password', { identifier: created.email, password, redirect: false });
      if (!signedIn || signedIn.error) {
        // The clinic exists; the person signs in on the usual page.
        window.location.assign(`/sign-in?email=${encodeURIComponent(created.email)}`);
        return;
      }
      const logoFailure = logo ? await uploadLogo(logo) : null;
      if (logoFailure) {
        setAfterwards(logoFailure);
        return;
      }
      router.replace('/today');
      router.refresh();
    } catch (err) {
      const found = fieldErrors(err);
      setErrors(found);
      setProblem(Object.keys(found).length > 0 ? 'Please check the fields marked below.' : errorMessage(err));
      setBusy(false);
    }
  }

  if (afterwards) {
    return (
      <Card className="space-y-4 p-6">
        <Alert tone="success">Your clinic is ready and you are signed in.</Alert>
        <p className="text-sm text-slate-700">
          The logo could not be added: {afterwards} You can add it later in Settings.
        </p>
        <Button type="button" onClick={() => router.replace('/today')}>
          Go to the dashboard
        </Button>
      </Card>
    );
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate={false}
      className="space-y-6"
      aria-describedby={problem ? 'setup-problem' : undefined}
    >
      {problem ? (
        <div id="setup-problem">
          <Alert>{problem}</Alert>
        </div>
      ) : null}

      <Section
        title="Setup code"
        intro="The server printed a one-time code on its console when it started. It proves you run this server."
      >
        <TextField
          label="Setup code"
          name="code"
          required
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          placeholder="XXXX-XXXX-XXXX"
          hint="Printed as “carelane setup code: …”. Restarting the server prints a new one."
          error={errors.code}
        />
      </Section>

      <Section title="Your organization">
        <TextField
          label="Organization name"
          name="organizationName"
          required
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            if (!slugEdited) setSlug(slugFromName(e.target.value));
          }}
          error={errors['organization.name']}
        />
        <TextField
          label="Booking-site address"
          name="slug"
          required
          value={slug}
          onChange={(e) => {
            setSlug(e.target.value.toLowerCase());
            setSlugEdited(true);
          }}
          hint="Lowercase letters, digits and hyphens; it names your clinic on the booking site."
          error={errors['organization.slug']}
        />
        <ChoiceField
          label="Kind of practice"
          name="kind"
          defaultValue="general"
          error={errors['organization.kind']}
          options={CLINIC_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
          hint="Decides the medical-history questions you start with; you can edit them."
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <ChoiceField
            label="Country"
            name="country"
            defaultValue="IN"
            options={countries}
            error={errors['organization.country']}
          />
          <ChoiceField
            label="Currency"
            name="currency"
            defaultValue="INR"
            options={currencies}
            error={errors['organization.currency']}
          />
        </div>
        <ChoiceField
          label="Time zone"
          name="zone"
          defaultValue="Asia/Kolkata"
          options={zones.map((z) => ({ value: z, label: z.replaceAll('_', ' ') }))}
          hint="Appointments are shown in this zone. Type to jump in the list."
          error={errors['organization.zone'] ?? errors['centre.zone']}
        />
        <div className="space-y-1">
          <label htmlFor="setup-logo" className="block text-sm font-medium text-slate-800">
            Logo <span className="font-normal text-slate-600">(optional)</span>
          </label>
          <input
            id="setup-logo"
            type="file"
            accept="image/png,image/jpeg"
            aria-describedby="setup-logo-hint"
            aria-invalid={errors.logo ? true : undefined}
            onChange={(e) => setLogo(e.target.files?.[0] ?? null)}
            className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-teal-50 file:px-3 file:py-2 file:text-teal-800"
          />
          <p id="setup-logo-hint" className="text-sm text-slate-600">
            PNG or JPEG, up to 5 MB. Shown on forms, invoices and the booking site.
          </p>
          {errors.logo ? <p className="text-sm font-medium text-red-700">{errors.logo}</p> : null}
        </div>
      </Section>

      <Section title="Your first centre" intro="Where patients come. You can add more centres later.">
        <TextField
          label="Centre name"
          name="centreName"
          required
          placeholder="e.g. Indiranagar"
          error={errors['centre.name']}
        />
        <TextField
          label="Address"
          name="addressLine"
          required
          autoComplete="street-address"
          error={errors['centre.addressLine']}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="City" name="city" required autoComplete="address-level2" error={errors['centre.city']} />
          <TextField
            label="Postal code (optional)"
            name="postalCode"
            autoComplete="postal-code"
            error={errors['centre.postalCode']}
          />
        </div>
        <TextField
          label="Phone (optional)"
          name="phone"
          type="tel"
          autoComplete="tel"
          hint="The number patients call."
          error={errors['centre.phone']}
        />
      </Section>

      <Section title="Your admin account" intro="You will manage the clinic with it and invite your staff.">
        <TextField label="Your name" name="adminName" required autoComplete="name" error={errors['admin.name']} />
        <TextField
          label="Email"
          name="email"
          type="email"
          required
          autoComplete="email"
          error={errors['admin.email']}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          autoComplete="new-password"
          hint={`At least ${PASSWORD_MIN_LENGTH} characters; not a common password, your name or your email.`}
          error={errors['admin.password']}
        />
        <TextField
          label="Password again"
          name="passwordAgain"
          type="password"
          required
          autoComplete="new-password"
          error={errors['admin.passwordAgain']}
        />
      </Section>

      <Button type="submit" busy={busy} className="w-full sm:w-auto">
        Create my clinic
      </Button>
    </form>
  );
}

function Section({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <Card className="space-y-4 p-5 sm:p-6">
      <div>
        <h2 className="text-base font-semibold text-slate-900">{title}</h2>
        {intro ? <p className="mt-1 text-sm text-slate-600">{intro}</p> : null}
      </div>
      {children}
    </Card>
  );
}
