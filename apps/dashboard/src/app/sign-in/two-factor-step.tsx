'use client';
import { Alert, Button, TextField } from '@carelane/ui';
import { type FormEvent, useState } from 'react';

/**
 * What the staff-password and staff-otp providers answer when the password (or phone code) was
 * right and the account has two-factor sign-in: this prefix and a ticket for the second step
 * (TWO_FACTOR_REQUIRED_PREFIX in packages/auth/src/sign-in.ts).
 */
const TWO_FACTOR_REQUIRED_PREFIX = 'two-factor-required:';

/** The ticket in a sign-in answer that asks for the second step, or null. */
export function twoFactorTicket(error: string | null | undefined): string | null {
  return error?.startsWith(TWO_FACTOR_REQUIRED_PREFIX) ? error.slice(TWO_FACTOR_REQUIRED_PREFIX.length) : null;
}

/** The second step: a code from the authenticator app, or a recovery code. */
export function TwoFactorStep({
  busy,
  error,
  onSubmit,
  onRestart,
  onSwitch,
}: {
  busy: boolean;
  error: string | null;
  onSubmit: (code: string) => void;
  onRestart: () => void;
  /** Switching between the app's code and a recovery code (an earlier error no longer applies). */
  onSwitch: () => void;
}) {
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit(code);
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <p className="text-base text-slate-700">
        {recovery
          ? 'Enter one of the recovery codes you saved when you set up two-factor sign-in. Each works once.'
          : 'Open your authenticator app and enter the 6-digit code it shows for Carelane.'}
      </p>
      <TextField
        key={recovery ? 'recovery' : 'app'}
        label={recovery ? 'Recovery code' : 'Code from your app'}
        name="code"
        inputMode={recovery ? 'text' : 'numeric'}
        autoComplete="one-time-code"
        autoCapitalize="none"
        spellCheck={false}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        required
        autoFocus
      />
      {error ? <Alert>{error}</Alert> : null}
      <Button type="submit" busy={busy} className="w-full">
        Sign in
      </Button>
      <Button
        variant="ghost"
        className="w-full"
        onClick={() => {
          setRecovery((r) => !r);
          setCode('');
          onSwitch();
        }}
      >
        {recovery ? 'Use the code from my app' : 'I do not have my phone: use a recovery code'}
      </Button>
      <Button variant="ghost" className="w-full" onClick={onRestart}>
        Start again
      </Button>
    </form>
  );
}
