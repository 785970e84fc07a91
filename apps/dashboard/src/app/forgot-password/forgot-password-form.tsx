'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { Alert, Button, Card, TextField } from '@carelane/ui';
import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { fieldErrors } from '@/components/server-errors';

const LINK = 'font-medium text-teal-800 underline underline-offset-2 hover:text-teal-900';

export function ForgotPasswordForm() {
  const request = trpc.passwordReset.request.useMutation();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const server = request.error ? fieldErrors(request.error) : {};
  const other = request.error && !server.email ? errorMessage(request.error) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    request.mutate({ email: email.trim() }, { onSuccess: () => setSentTo(email.trim()) });
  }

  if (sentTo) {
    return (
      <Card className="p-6">
        <h1 className="text-xl font-semibold text-slate-900">Check your email</h1>
        <p className="mt-3 text-base text-slate-700">
          If <span className="break-all font-medium text-slate-900">{sentTo}</span> belongs to a Carelane account, a
          link to choose a new password is on its way. It works once, for one hour.
        </p>
        <p className="mt-3 text-sm text-slate-600">
          Nothing after a few minutes? Look in the spam folder, or ask your clinic administrator which email your
          account uses.
        </p>
        <p className="mt-6 text-sm">
          <Link href="/sign-in" className={LINK}>
            Back to sign in
          </Link>
        </p>
      </Card>
    );
  }

  return (
    <Card className="p-6">
      <h1 className="text-xl font-semibold text-slate-900">Forgot your password?</h1>
      <p className="mt-2 text-base text-slate-700">
        Enter the email you sign in with. We will send you a link to choose a new password.
      </p>
      <form onSubmit={submit} className="mt-6 space-y-4" noValidate>
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={server.email}
          required
          autoFocus
        />
        {other ? <Alert>{other}</Alert> : null}
        <Button type="submit" className="w-full" busy={request.isPending}>
          Send the link
        </Button>
      </form>
      <p className="mt-6 text-center text-sm">
        <Link href="/sign-in" className={LINK}>
          Back to sign in
        </Link>
      </p>
    </Card>
  );
}
