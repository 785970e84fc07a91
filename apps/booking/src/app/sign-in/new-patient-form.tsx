'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { Alert, Button, CheckboxField, SelectField, TextField } from '@carelane/ui';
import { type FormEvent, useEffect, useRef } from 'react';
import { useBookingSite } from '@/components/online-booking-notice';

type Detail = { field: string; message: string };

/** The server's first message for each field. */
function fieldErrors(error: { data?: unknown } | null): Record<string, string> {
  const details = (error?.data as { details?: Detail[] } | undefined)?.details ?? [];
  const errors: Record<string, string> = {};
  for (const d of details) errors[d.field] ??= d.message;
  return errors;
}

/** Today on this device, for the date picker's upper limit. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * The "tell us who you are" step for a number new to the clinic. The phone is already proven by
 * the code; this creates the patient record, then `onRegistered` signs in with the same proof.
 */
export function NewPatientForm({
  proof,
  sentTo,
  signingIn,
  onRegistered,
  onStartOver,
}: {
  proof: string;
  sentTo: string;
  signingIn: boolean;
  onRegistered: () => void;
  onStartOver: () => void;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const site = useBookingSite();
  const register = trpc.auth.register.useMutation({ onSuccess: onRegistered });
  const errors = fieldErrors(register.error);
  const failure = register.error?.data?.code;

  // Take keyboard and screen reader users to the first field that needs fixing.
  useEffect(() => {
    if (register.error) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [register.error]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '');
    register.mutate({
      proof,
      firstName: text('firstName'),
      lastName: text('lastName'),
      email: text('email'),
      birthDate: text('birthDate'),
      consentSms: form.get('consentSms') === 'on',
      consentWhatsapp: form.get('consentWhatsapp') === 'on',
      consentEmail: form.get('consentEmail') === 'on',
      language: text('language') === 'hi' ? 'hi' : 'en',
    });
  }

  // A clinic that books online only for its own patients (or not at all) asks new ones to call.
  const refusal = site.data?.newPatientsMessage;
  if (refusal) {
    return (
      <div className="space-y-4">
        <Alert tone="info">{refusal}</Alert>
        <Button variant="secondary" onClick={onStartOver} className="w-full">
          Use a different number
        </Button>
      </div>
    );
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-4" noValidate>
      <Alert tone="success">Your number {sentTo} is confirmed.</Alert>
      {register.error && Object.keys(errors).length === 0 ? (
        <div className="space-y-2">
          <Alert>{errorMessage(register.error)}</Alert>
          {failure === 'CONFLICT' ? (
            <Button variant="secondary" busy={signingIn} onClick={onRegistered} className="w-full">
              Sign in with this number
            </Button>
          ) : failure === 'UNAUTHORIZED' ? (
            <Button variant="secondary" onClick={onStartOver} className="w-full">
              Get a new code
            </Button>
          ) : null}
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="First name"
          name="firstName"
          autoComplete="given-name"
          required
          autoFocus
          maxLength={80}
          error={errors.firstName}
        />
        <TextField
          label="Last name"
          name="lastName"
          autoComplete="family-name"
          required
          maxLength={80}
          error={errors.lastName}
        />
      </div>
      <TextField
        label="Email (optional)"
        name="email"
        type="email"
        inputMode="email"
        autoComplete="email"
        maxLength={254}
        error={errors.email}
      />
      <TextField
        label="Date of birth (optional)"
        name="birthDate"
        type="date"
        autoComplete="bday"
        min="1900-01-01"
        max={today()}
        hint="Helps the clinic keep your records together."
        error={errors.birthDate}
      />
      <fieldset className="space-y-3">
        <legend className="mb-2 text-sm font-medium text-slate-800">Messages about your visits</legend>
        <CheckboxField
          name="consentSms"
          label="By SMS"
          hint="Reminders and changes to your appointments."
          defaultChecked
        />
        <CheckboxField name="consentWhatsapp" label="On WhatsApp" hint="The same messages on WhatsApp." />
        <CheckboxField
          name="consentEmail"
          label="By email"
          hint="To the email address above, with a calendar invitation."
        />
        <SelectField
          name="language"
          label="Language of messages"
          defaultValue="en"
          options={[
            { value: 'en', label: 'English' },
            { value: 'hi', label: 'हिन्दी (Hindi)' },
          ]}
        />
      </fieldset>
      <Button type="submit" busy={register.isPending || signingIn} className="w-full">
        Continue
      </Button>
      <Button variant="ghost" onClick={onStartOver} className="w-full">
        Use a different number
      </Button>
    </form>
  );
}
