'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { Alert, Button, TextField } from '@carelane/ui';
import { type FormEvent, useState } from 'react';
import { Modal } from '@/components/modal';
import { fieldErrors } from '@/components/server-errors';

const CODE_HINT = 'The 6-digit code your authenticator app shows now, or one of your recovery codes.';

/** Turning two-factor sign-in off: the password and a current code. */
export function DisableDialog({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const disable = trpc.account.twoFactor.disable.useMutation();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const server = disable.error ? fieldErrors(disable.error) : {};
  const other = disable.error && Object.keys(server).length === 0 ? errorMessage(disable.error) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    disable.mutate({ password, code }, { onSuccess: onDone });
  }

  return (
    <Modal title="Turn off two-factor sign-in" onClose={onClose}>
      <form onSubmit={submit} className="space-y-4" noValidate>
        <p className="text-sm text-slate-700">
          Signing in will need only your password again. Your recovery codes stop working.
        </p>
        <TextField
          label="Your password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={server.password}
          required
          data-autofocus
        />
        <TextField
          label="Code"
          autoComplete="one-time-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          hint={CODE_HINT}
          error={server.code}
          required
        />
        {other ? <Alert>{other}</Alert> : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Keep it on
          </Button>
          <Button type="submit" variant="danger" busy={disable.isPending}>
            Turn off
          </Button>
        </div>
      </form>
    </Modal>
  );
}

/** New recovery codes for old ones, given a current code; the new ones are handed to onDone. */
export function RegenerateDialog({ onClose, onDone }: { onClose: () => void; onDone: (codes: string[]) => void }) {
  const regenerate = trpc.account.twoFactor.regenerateRecoveryCodes.useMutation();
  const [code, setCode] = useState('');
  const server = regenerate.error ? fieldErrors(regenerate.error) : {};
  const other = regenerate.error && Object.keys(server).length === 0 ? errorMessage(regenerate.error) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    regenerate.mutate({ code }, { onSuccess: (r) => onDone(r.recoveryCodes) });
  }

  return (
    <Modal title="New recovery codes" onClose={onClose}>
      <form onSubmit={submit} className="space-y-4" noValidate>
        <p className="text-sm text-slate-700">Your old recovery codes stop working, used or not.</p>
        <TextField
          label="Code"
          autoComplete="one-time-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          hint={CODE_HINT}
          error={server.code}
          required
          data-autofocus
        />
        {other ? <Alert>{other}</Alert> : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" busy={regenerate.isPending}>
            Make new codes
          </Button>
        </div>
      </form>
    </Modal>
  );
}
