'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { PASSWORD_MIN_LENGTH, passwordLengthProblem } from '@carelane/core';
import { Alert, Button, Card, TextField } from '@carelane/ui';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { fieldErrors } from '@/components/server-errors';

const LINK = 'font-medium text-teal-800 underline underline-offset-2 hover:text-teal-900';

/**
 * The new password, typed twice. A link that does not work (used, expired, unknown) gets one
 * calm sentence and a way to ask for another; success sends the person to sign in.
 */
export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const complete = trpc.passwordReset.complete.useMutation();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problems, setProblems] = useState<{ password?: string; repeat?: string }>({});
  const serverProblem = complete.error ? fieldErrors(complete.error).password : undefined;

  if (complete.error?.data?.code === 'NOT_FOUND') {
    return (
      <Card className="p-6">
        <h1 className="text-xl font-semibold text-slate-900">This link cannot be used</h1>
        <p className="mt-3 text-base text-slate-700">{complete.error.message}</p>
        <p className="mt-6 text-sm">
          <Link href="/forgot-password" className={LINK}>
            Ask for a new link
          </Link>
        </p>
      </Card>
    );
  }
  const other = complete.error && !serverProblem ? errorMessage(complete.error) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      password: passwordLengthProblem(password) ?? undefined,
      repeat: password === repeat ? undefined : 'The two passwords are not the same',
    };
    setProblems(found);
    if (found.password || found.repeat) return;
    complete.mutate(
      { token, password },
      { onSuccess: (r) => router.replace(`/sign-in?email=${encodeURIComponent(r.email)}&reset=1`) },
    );
  }

  return (
    <Card className="p-6">
      <h1 className="text-xl font-semibold text-slate-900">Choose a new password</h1>
      <p className="mt-2 text-base text-slate-700">
        After this you are signed out everywhere, and sign in again with the new password.
      </p>
      <form onSubmit={submit} className="mt-6 space-y-4" noValidate>
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          hint={`At least ${PASSWORD_MIN_LENGTH} characters. Not a common password, your name or your email. A few unrelated words make a good one.`}
          error={problems.password ?? serverProblem}
          required
          autoFocus
        />
        <TextField
          label="Type it again"
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          error={problems.repeat}
          required
        />
        {other ? <Alert>{other}</Alert> : null}
        <Button type="submit" className="w-full" busy={complete.isPending}>
          Save the new password
        </Button>
      </form>
    </Card>
  );
}
