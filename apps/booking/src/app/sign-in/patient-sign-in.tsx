'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { Alert, Button, Card, OtpCodeField, TextField } from '@carelane/ui';
import { useRouter, useSearchParams } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { type FormEvent, useState } from 'react';
import { NewPatientForm } from './new-patient-form';

type Step = { name: 'phone' } | { name: 'code'; sentTo: string } | { name: 'details'; sentTo: string; proof: string };

export function SignInHeading({ newPatient = false }: { newPatient?: boolean }) {
  return newPatient ? (
    <>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Tell us who you are</h1>
      <p className="mt-1 text-slate-600">
        Your number is new to the clinic. Add your name once, and you are signed in.
      </p>
    </>
  ) : (
    <>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Sign in with your mobile number</h1>
      <p className="mt-1 text-slate-600">We will send you a 6-digit code. No password needed.</p>
    </>
  );
}

/** Only a path on this site: "//host" would leave it. */
function returnPath(callbackUrl: string | null): string {
  return callbackUrl?.startsWith('/') && !/^\/[/\\]/.test(callbackUrl) ? callbackUrl : '/appointments';
}

/**
 * Phone, then code: patients sign in by a one-time code sent by WhatsApp or SMS. A number the
 * clinic does not know gets a code too, and after it a short "tell us who you are" step.
 */
export function PatientSignIn() {
  const router = useRouter();
  const next = returnPath(useSearchParams().get('callbackUrl'));
  const [phone, setPhone] = useState('');
  const [step, setStep] = useState<Step>({ name: 'phone' });
  const [error, setError] = useState<string | null>(null);
  const [signingIn, setSigningIn] = useState(false);
  const requestCode = trpc.auth.requestCode.useMutation();
  const verifyCode = trpc.auth.verifyCode.useMutation();

  function sendCode() {
    setError(null);
    requestCode.mutate(
      { phone },
      { onSuccess: (r) => setStep({ name: 'code', sentTo: r.sentTo }), onError: (e) => setError(errorMessage(e)) },
    );
  }

  /** The phone proof from the code starts the session (next-auth sets the cookie). */
  async function finish(proof: string) {
    setSigningIn(true);
    setError(null);
    const result = await signIn('patient-otp', { proof, redirect: false });
    if (!result || result.error) {
      setSigningIn(false);
      setError(result?.error ?? 'Sign-in failed. Please try again.');
      return;
    }
    router.replace(next);
    router.refresh();
  }

  function onPhone(event: FormEvent) {
    event.preventDefault();
    sendCode();
  }

  function onCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (step.name !== 'code') return;
    const code = String(new FormData(event.currentTarget).get('code') ?? '');
    setError(null);
    verifyCode.mutate(
      { phone, code },
      {
        onSuccess: (r) =>
          r.registered ? void finish(r.proof) : setStep({ name: 'details', sentTo: step.sentTo, proof: r.proof }),
        onError: (e) => setError(errorMessage(e)),
      },
    );
  }

  function startOver() {
    setError(null);
    setStep({ name: 'phone' });
  }

  return (
    <>
      <SignInHeading newPatient={step.name === 'details'} />
      <Card className="mt-6 p-6">
        {error ? (
          <div className="mb-4">
            <Alert>{error}</Alert>
          </div>
        ) : null}
        {step.name === 'details' ? (
          <NewPatientForm
            proof={step.proof}
            sentTo={step.sentTo}
            signingIn={signingIn}
            onRegistered={() => void finish(step.proof)}
            onStartOver={startOver}
          />
        ) : step.name === 'code' ? (
          <form onSubmit={onCode} className="space-y-4" noValidate>
            <Alert tone="info">Check your messages: a code is on its way to {step.sentTo} by WhatsApp or SMS.</Alert>
            <OtpCodeField />
            <Button type="submit" busy={verifyCode.isPending || signingIn} className="w-full">
              Sign in
            </Button>
            <div className="flex justify-between gap-2">
              <Button variant="ghost" onClick={startOver}>
                Change number
              </Button>
              <Button variant="ghost" busy={requestCode.isPending} onClick={sendCode}>
                Send a new code
              </Button>
            </div>
          </form>
        ) : (
          <form onSubmit={onPhone} className="space-y-4" noValidate>
            <TextField
              label="Mobile number"
              name="phone"
              type="tel"
              autoComplete="tel"
              placeholder="98765 43210"
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
              required
              autoFocus
            />
            <Button type="submit" busy={requestCode.isPending} className="w-full">
              Send code
            </Button>
          </form>
        )}
      </Card>
    </>
  );
}
