'use client';
import type { RouterOutputs } from '@carelane/api/client';
import { errorMessage, trpc } from '@carelane/api/react';
import { Alert, Button, Card, ErrorState, Skeleton, TextField } from '@carelane/ui';
import { useRouter } from 'next/navigation';
import { type FormEvent, type ReactNode, useState } from 'react';
import { fieldErrors } from '@/components/server-errors';
import { RecoveryCodes } from './recovery-codes';
import { DisableDialog, RegenerateDialog } from './two-factor-dialogs';

type Enrolment = RouterOutputs['account']['twoFactor']['start'];

/**
 * Two-factor sign-in: off (with a button to set it up), being set up (QR code, key, first code),
 * recovery codes just made (shown once), or on (new codes, turn off).
 */
export function TwoFactorPanel({ setupRequired }: { setupRequired: boolean }) {
  const router = useRouter();
  const utils = trpc.useUtils();
  const status = trpc.account.twoFactor.status.useQuery();
  const start = trpc.account.twoFactor.start.useMutation();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [dialog, setDialog] = useState<'disable' | 'regenerate' | null>(null);
  const refresh = () => void utils.account.twoFactor.status.invalidate();

  let body: ReactNode;
  if (status.error) body = <ErrorState message={errorMessage(status.error)} onRetry={() => void status.refetch()} />;
  else if (!status.data) body = <Skeleton className="h-32" />;
  else if (codes) {
    body = (
      <RecoveryCodes
        codes={codes}
        onDone={() => {
          setCodes(null);
          // The frame (menu, pages) opens once an admin who had to set it up has done so.
          router.refresh();
        }}
      />
    );
  } else if (enrolment) {
    body = (
      <EnrolmentSteps
        enrolment={enrolment}
        onCancel={() => setEnrolment(null)}
        onConfirmed={(recoveryCodes) => {
          setEnrolment(null);
          setCodes(recoveryCodes);
          refresh();
        }}
      />
    );
  } else if (status.data.enabled) {
    const left = status.data.recoveryCodesLeft;
    body = (
      <div className="space-y-4">
        <p className="text-base text-slate-800">
          <span className="font-semibold text-teal-800">On.</span> Signing in asks for a code from your authenticator
          app after your password.
        </p>
        <p className={left <= 2 ? 'text-sm font-medium text-amber-800' : 'text-sm text-slate-600'}>
          {left === 0
            ? 'You have no recovery codes left. Make new ones now.'
            : `${left} unused recovery code${left === 1 ? '' : 's'} left.`}
        </p>
        {status.data.required ? (
          <p className="text-sm text-slate-600">Your clinic requires it for administrators, so it stays on.</p>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => setDialog('regenerate')}>
            New recovery codes
          </Button>
          {status.data.required ? null : (
            <Button variant="secondary" onClick={() => setDialog('disable')}>
              Turn off
            </Button>
          )}
        </div>
      </div>
    );
  } else {
    body = (
      <div className="space-y-4">
        {setupRequired ? (
          <Alert tone="info">
            Your clinic requires two-factor sign-in for administrators. Set it up to continue using Carelane.
          </Alert>
        ) : null}
        <p className="text-base text-slate-700">
          With two-factor sign-in, someone who learns your password still cannot sign in without your phone. You need an
          authenticator app such as Google Authenticator, Microsoft Authenticator or 2FAS.
        </p>
        {start.error ? <Alert>{errorMessage(start.error)}</Alert> : null}
        <Button busy={start.isPending} onClick={() => start.mutate(undefined, { onSuccess: setEnrolment })}>
          Set up two-factor sign-in
        </Button>
      </div>
    );
  }

  return (
    <Card className="p-5 sm:p-6">
      <h2 className="text-lg font-semibold text-slate-900">Two-factor sign-in</h2>
      <div className="mt-4">{body}</div>
      {dialog === 'disable' ? (
        <DisableDialog
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            refresh();
          }}
        />
      ) : null}
      {dialog === 'regenerate' ? (
        <RegenerateDialog
          onClose={() => setDialog(null)}
          onDone={(recoveryCodes) => {
            setDialog(null);
            setCodes(recoveryCodes);
            refresh();
          }}
        />
      ) : null}
    </Card>
  );
}

function EnrolmentSteps({
  enrolment,
  onCancel,
  onConfirmed,
}: {
  enrolment: Enrolment;
  onCancel: () => void;
  onConfirmed: (codes: string[]) => void;
}) {
  const confirm = trpc.account.twoFactor.confirm.useMutation();
  const [code, setCode] = useState('');
  const server = confirm.error ? fieldErrors(confirm.error) : {};
  const other = confirm.error && !server.code ? errorMessage(confirm.error) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    confirm.mutate({ code }, { onSuccess: (r) => onConfirmed(r.recoveryCodes) });
  }

  return (
    <div className="space-y-5">
      <ol className="list-decimal space-y-2 pl-5 text-base text-slate-700">
        <li>Open your authenticator app and add an account.</li>
        <li>Scan this QR code with it, or type the key below.</li>
        <li>Enter the 6-digit code the app then shows.</li>
      </ol>
      <div className="flex flex-col items-start gap-4 sm:flex-row sm:items-center">
        <div
          role="img"
          aria-label="QR code for your authenticator app"
          className="h-48 w-48 shrink-0 rounded-md border border-slate-200 bg-white p-1"
          // The SVG is made by our server from the otpauth address (the qrcode library), not from input.
          // biome-ignore lint/security/noDangerouslySetInnerHtml: server-made SVG, see above
          dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }}
        />
        <div className="min-w-0">
          <p className="text-sm font-medium text-slate-800">Key, if you cannot scan</p>
          <p className="mt-1 break-all font-mono text-base tracking-wider text-slate-900">{enrolment.manualKey}</p>
          <p className="mt-1 text-sm text-slate-600">Time-based, 6 digits.</p>
        </div>
      </div>
      <form onSubmit={submit} className="space-y-4" noValidate>
        <TextField
          label="Code from the app"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={server.code}
          required
        />
        {other ? <Alert>{other}</Alert> : null}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" busy={confirm.isPending}>
            Turn on
          </Button>
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </form>
    </div>
  );
}
