'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { Alert, Button, Card, OtpCodeField, TextField } from '@carelane/ui';
import { useRouter, useSearchParams } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { type FormEvent, useState } from 'react';

/** Phone, then code: patients sign in by a one-time code sent by WhatsApp or SMS. */
export function PatientSignIn() {
  const router = useRouter();
  const params = useSearchParams();
  const next = params.get('callbackUrl')?.startsWith('/')
    ? (params.get('callbackUrl') ?? '/appointments')
    : '/appointments';
  const [phone, setPhone] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const requestCode = trpc.auth.requestCode.useMutation();

  function onPhone(event: FormEvent) {
    event.preventDefault();
    setError(null);
    requestCode.mutate({ phone }, { onSuccess: (r) => setSentTo(r.sentTo), onError: (e) => setError(errorMessage(e)) });
  }

  async function onCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code') ?? '');
    setBusy(true);
    setError(null);
    const result = await signIn('patient-otp', { phone, code, redirect: false });
    setBusy(false);
    if (!result || result.error) {
      setError(result?.error ?? 'Sign-in failed. Please try again.');
      return;
    }
    router.replace(next);
    router.refresh();
  }

  return (
    <Card className="p-6">
      {error ? (
        <div className="mb-4">
          <Alert>{error}</Alert>
        </div>
      ) : null}
      {sentTo ? (
        <form onSubmit={onCode} className="space-y-4" noValidate>
          <Alert tone="info">If {sentTo} is registered with the clinic, a code is on its way by WhatsApp or SMS.</Alert>
          <OtpCodeField />
          <Button type="submit" busy={busy} className="w-full">
            Sign in
          </Button>
          <div className="flex justify-between gap-2">
            <Button variant="ghost" onClick={() => setSentTo(null)}>
              Change number
            </Button>
            <Button
              variant="ghost"
              busy={requestCode.isPending}
              onClick={() =>
                requestCode.mutate(
                  { phone },
                  { onSuccess: (r) => setSentTo(r.sentTo), onError: (e) => setError(errorMessage(e)) },
                )
              }
            >
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
  );
}
