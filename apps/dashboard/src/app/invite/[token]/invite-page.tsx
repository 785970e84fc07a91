'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { Alert, Button, Card, ErrorState, Skeleton } from '@carelane/ui';
import { useRouter } from 'next/navigation';
import { type FormEvent, type ReactNode, useState } from 'react';
import { NewPasswordFields, type NewPasswordProblems, newPasswordProblems } from '@/components/new-password-fields';
import { fieldErrors } from '@/components/server-errors';

function Shell({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-start justify-center bg-slate-50 px-4 py-12 sm:items-center">
      <div className="w-full max-w-md">
        <p className="mb-6 text-center text-2xl font-bold tracking-tight text-teal-800">Carelane</p>
        {children}
      </div>
    </main>
  );
}

/**
 * The invited person's page: whom the invitation is for, then a password typed twice. Accepting
 * sends them to sign in with their email filled in. A link that does not work gets one calm sentence.
 */
export function InvitePage({ token }: { token: string }) {
  const router = useRouter();
  const invitation = trpc.invitation.get.useQuery({ token }, { retry: false, refetchOnWindowFocus: false });
  const accept = trpc.invitation.accept.useMutation();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problems, setProblems] = useState<NewPasswordProblems>({});

  if (invitation.error) {
    if (invitation.error.data?.code === 'NOT_FOUND') {
      return (
        <Shell>
          <Card className="p-6">
            <h1 className="text-xl font-semibold text-slate-900">This link cannot be used</h1>
            <p className="mt-3 text-base text-slate-700">{invitation.error.message}</p>
          </Card>
        </Shell>
      );
    }
    return (
      <Shell>
        <ErrorState message={errorMessage(invitation.error)} onRetry={() => void invitation.refetch()} />
      </Shell>
    );
  }
  if (!invitation.data) {
    return (
      <Shell>
        <Skeleton className="h-80" />
      </Shell>
    );
  }
  const { organizationName, name, email } = invitation.data;
  const serverProblem = accept.error ? fieldErrors(accept.error).password : undefined;
  const otherProblem = accept.error && !serverProblem ? errorMessage(accept.error) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = newPasswordProblems(password, repeat);
    setProblems(found);
    if (found.password || found.repeat) return;
    accept.mutate(
      { token, password },
      { onSuccess: (r) => router.replace(`/sign-in?email=${encodeURIComponent(r.email)}&joined=1`) },
    );
  }

  return (
    <Shell>
      <Card className="p-6">
        <h1 className="text-xl font-semibold text-slate-900">Join {organizationName}</h1>
        <p className="mt-2 text-base text-slate-700">
          Welcome, {name}. Choose a password to finish setting up your account. You will sign in with{' '}
          <span className="break-all font-medium text-slate-900">{email}</span>.
        </p>
        <form onSubmit={submit} className="mt-6 space-y-4" noValidate>
          {/* For password managers: the account the new password belongs to. */}
          <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
          <NewPasswordFields
            password={password}
            repeat={repeat}
            onPassword={setPassword}
            onRepeat={setRepeat}
            problems={problems}
            serverProblem={serverProblem}
            autoFocus
          />
          {otherProblem ? <Alert>{otherProblem}</Alert> : null}
          <Button type="submit" className="w-full" busy={accept.isPending}>
            Set password and continue
          </Button>
        </form>
      </Card>
    </Shell>
  );
}
