'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { Alert, Button, Card, TextField } from '@carelane/ui';
import { type FormEvent, useState } from 'react';
import { NewPasswordFields, newPasswordProblems } from '@/components/new-password-fields';
import { fieldErrors } from '@/components/server-errors';

type Problems = { currentPassword?: string; newPassword?: string; repeat?: string };

/** Change password: the current one, the new one twice. Other sessions end; this one stays. */
export function ChangePasswordForm() {
  const change = trpc.account.changePassword.useMutation();
  const [values, setValues] = useState({ currentPassword: '', newPassword: '', repeat: '' });
  const [problems, setProblems] = useState<Problems>({});
  const [done, setDone] = useState(false);
  const server = change.error ? fieldErrors(change.error) : {};
  const other = change.error && Object.keys(server).length === 0 ? errorMessage(change.error) : null;
  const set = (name: keyof typeof values) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [name]: e.target.value }));
    setDone(false);
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const fresh = newPasswordProblems(values.newPassword, values.repeat);
    const found: Problems = {
      currentPassword: values.currentPassword ? undefined : 'Enter your current password',
      newPassword: fresh.password,
      repeat: fresh.repeat,
    };
    setProblems(found);
    if (found.currentPassword || found.newPassword || found.repeat) return;
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          setValues({ currentPassword: '', newPassword: '', repeat: '' });
          setDone(true);
        },
      },
    );
  }

  return (
    <Card className="p-5 sm:p-6">
      <h2 className="text-lg font-semibold text-slate-900">Password</h2>
      <p className="mt-1 text-sm text-slate-600">
        Changing it signs you out everywhere else: other browsers, phones and computers.
      </p>
      <form onSubmit={submit} className="mt-5 space-y-4" noValidate>
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={values.currentPassword}
          onChange={set('currentPassword')}
          error={problems.currentPassword ?? server.currentPassword}
          required
        />
        <NewPasswordFields
          password={values.newPassword}
          repeat={values.repeat}
          onPassword={(value) => set('newPassword')({ target: { value } })}
          onRepeat={(value) => set('repeat')({ target: { value } })}
          problems={{ password: problems.newPassword, repeat: problems.repeat }}
          serverProblem={server.newPassword}
          repeatLabel="Type the new password again"
        />
        {other ? <Alert>{other}</Alert> : null}
        {done ? (
          <Alert tone="success">
            Your password is changed. You stay signed in here; everywhere else is signed out.
          </Alert>
        ) : null}
        <Button type="submit" busy={change.isPending}>
          Change password
        </Button>
      </form>
    </Card>
  );
}
