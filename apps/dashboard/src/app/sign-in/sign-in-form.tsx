'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { Alert, Button, Card, OtpCodeField, TextField } from '@carelane/ui';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { type FormEvent, useState } from 'react';
import { TwoFactorStep, twoFactorTicket } from './two-factor-step';

type Method = 'password' | 'otp';

/** Staff sign-in: email or phone with a password, or phone with a one-time code. */
export function SignInForm() {
  const router = useRouter();
  const params = useSearchParams();
  const [method, setMethod] = useState<Method>('password');
  const [error, setError] = useState<string | null>(
    params.get('error') && params.get('error') !== 'SessionRequired' ? params.get('error') : null,
  );
  const [busy, setBusy] = useState(false);
  const [phone, setPhone] = useState('');
  const [codeSentTo, setCodeSentTo] = useState<string | null>(null);
  // After a correct password or phone code on an account with two-factor sign-in.
  const [ticket, setTicket] = useState<string | null>(null);
  const requestCode = trpc.auth.requestCode.useMutation();
  // Arriving from a password reset or an accepted invitation: the account's email is filled in.
  const notice =
    params.get('reset') === '1'
      ? 'Your password is changed. Sign in with the new one.'
      : params.get('joined') === '1'
        ? 'Your account is ready. Sign in with your new password.'
        : null;
  const next = params.get('callbackUrl')?.startsWith('/') ? (params.get('callbackUrl') ?? '/today') : '/today';

  async function finish(provider: string, credentials: Record<string, string>) {
    setBusy(true);
    setError(null);
    const result = await signIn(provider, { ...credentials, redirect: false });
    setBusy(false);
    const askedTicket = twoFactorTicket(result?.error);
    if (askedTicket) {
      setTicket(askedTicket);
      return;
    }
    if (!result || result.error) {
      setError(result?.error ?? 'Sign-in failed. Please try again.');
      return;
    }
    router.replace(next);
    router.refresh();
  }

  function onPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void finish('staff-password', {
      identifier: String(form.get('identifier') ?? ''),
      password: String(form.get('password') ?? ''),
    });
  }

  function onRequestCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    requestCode.mutate(
      { phone },
      { onSuccess: (r) => setCodeSentTo(r.sentTo), onError: (e) => setError(errorMessage(e)) },
    );
  }

  function onCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void finish('staff-otp', { phone, code: String(form.get('code') ?? '') });
  }

  if (ticket) {
    return (
      <Card className="p-6">
        <h2 className="mb-4 text-lg font-semibold text-slate-900">Two-factor sign-in</h2>
        <TwoFactorStep
          busy={busy}
          error={error}
          onSubmit={(code) => void finish('staff-two-factor', { ticket, code })}
          onRestart={() => {
            setTicket(null);
            setError(null);
          }}
          onSwitch={() => setError(null)}
        />
      </Card>
    );
  }

  return (
    <Card className="p-6">
      <div
        role="tablist"
        aria-label="Sign-in method"
        className="mb-6 grid grid-cols-2 gap-1 rounded-md bg-slate-100 p-1"
      >
        {(['password', 'otp'] as const).map((m) => (
          <button
            key={m}
            type="button"
            role="tab"
            aria-selected={method === m}
            onClick={() => {
              setMethod(m);
              setError(null);
            }}
            className={`rounded px-3 py-2 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-teal-700 ${
              method === m ? 'bg-white text-slate-900 shadow-sm' : 'text-slate-600 hover:text-slate-900'
            }`}
          >
            {m === 'password' ? 'Password' : 'One-time code'}
          </button>
        ))}
      </div>
      {error ? (
        <div className="mb-4">
          <Alert>{error}</Alert>
        </div>
      ) : null}
      {method === 'password' ? (
        <form onSubmit={onPassword} className="space-y-4" noValidate>
          {notice && !error ? <Alert tone="success">{notice}</Alert> : null}
          <TextField
            label="Email or phone"
            name="identifier"
            autoComplete="username"
            defaultValue={params.get('email') ?? ''}
            required
            autoFocus
          />
          <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
          <Button type="submit" busy={busy} className="w-full">
            Sign in
          </Button>
          <p className="text-center text-sm">
            <Link
              href="/forgot-password"
              className="font-medium text-teal-800 underline underline-offset-2 hover:text-teal-900"
            >
              Forgot your password?
            </Link>
          </p>
        </form>
      ) : codeSentTo ? (
        <form onSubmit={onCode} className="space-y-4" noValidate>
          <Alert tone="info">If {codeSentTo} belongs to a staff account, a 6-digit code is on its way.</Alert>
          <OtpCodeField />
          <Button type="submit" busy={busy} className="w-full">
            Sign in
          </Button>
          <Button variant="ghost" className="w-full" onClick={() => setCodeSentTo(null)}>
            Use a different number
          </Button>
        </form>
      ) : (
        <form onSubmit={onRequestCode} className="space-y-4" noValidate>
          <TextField
            label="Mobile number"
            name="phone"
            type="tel"
            autoComplete="tel"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            hint="We will send a code by SMS."
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
