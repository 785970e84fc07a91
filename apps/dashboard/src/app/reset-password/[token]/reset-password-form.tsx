'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { Alert, Button, Card } from '@carelane/ui';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { NewPasswordFields, type NewPasswordProblems, newPasswordProblems } from '@/components/new-password-fields';
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
  const [problems, setProblems] = useState<NewPasswordProblems>({});
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
    const found = newPasswordProblems(password, repeat);
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
        <NewPasswordFields
          password={password}
          repeat={repeat}
          onPassword={setPassword}
          onRepeat={setRepeat}
          problems={problems}
          serverProblem={serverProblem}
          autoFocus
        />
        {other ? <Alert>{other}</Alert> : null}
        <Button type="submit" className="w-full" busy={complete.isPending}>
          Save the new password
        </Button>
      </form>
    </Card>
  );
}
