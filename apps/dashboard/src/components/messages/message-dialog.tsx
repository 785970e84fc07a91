'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { Alert, Button, ErrorState, Loading, Skeleton } from '@carelane/ui';
import { useState } from 'react';
import { Modal } from '@/components/modal';
import { addresseeName, CHANNEL_LABELS, formatTime, kindLabel } from './message-format';
import { MessageStatusBadge } from './status-badge';

const OUTCOMES: Record<string, string> = {
  in_flight: 'In progress (or stopped mid-call)',
  sent: 'Sent',
  failed: 'Failed, to be retried',
  rejected: 'Refused by the provider',
  gave_up: 'Given up',
};

/** One message: the text as sent, where it went, each attempt, and Resend. */
export function MessageDialog({
  id,
  zone,
  canSend,
  onClose,
  onOpen,
}: {
  id: string;
  zone: string | undefined;
  canSend: boolean;
  onClose: () => void;
  onOpen: (id: string) => void;
}) {
  const utils = trpc.useUtils();
  const message = trpc.messages.byId.useQuery({ id });
  const [resent, setResent] = useState<string | null>(null);
  const resend = trpc.messages.resend.useMutation({
    onSuccess: async (copy) => {
      setResent(copy.id);
      await Promise.all([utils.messages.list.invalidate(), utils.messages.byId.invalidate({ id })]);
    },
  });
  const m = message.data;

  return (
    <Modal title="Message" onClose={onClose}>
      {message.error ? (
        <ErrorState message={errorMessage(message.error)} onRetry={() => void message.refetch()} />
      ) : !m ? (
        <Loading label="Loading the message…" className="space-y-2">
          <Skeleton className="h-20" />
        </Loading>
      ) : (
        <div className="space-y-4 text-sm">
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-slate-800">
            <dt className="text-slate-600">Kind</dt>
            <dd>{kindLabel(m.kind)}</dd>
            <dt className="text-slate-600">To</dt>
            <dd>
              {addresseeName(m)} · {CHANNEL_LABELS[m.channel] ?? m.channel} {m.recipient}
            </dd>
            <dt className="text-slate-600">Planned</dt>
            <dd>{formatTime(m.sendAt, zone)}</dd>
            {m.sentAt ? (
              <>
                <dt className="text-slate-600">Sent</dt>
                <dd>{formatTime(m.sentAt, zone)}</dd>
              </>
            ) : null}
            <dt className="text-slate-600">Status</dt>
            <dd>
              <MessageStatusBadge row={m} />
              {m.error ? <span className="ml-2 text-red-800">{m.error}</span> : null}
            </dd>
            {m.fallback.length > 0 ? (
              <>
                <dt className="text-slate-600">Fallback</dt>
                <dd>{m.fallback.map((f) => `${CHANNEL_LABELS[f.channel] ?? f.channel} ${f.recipient}`).join(', ')}</dd>
              </>
            ) : null}
          </dl>

          <section aria-labelledby="message-text" className="space-y-1">
            <h3 id="message-text" className="font-semibold text-slate-900">
              Text as sent
            </h3>
            {m.body === null ? (
              <p className="text-slate-600">
                {m.kind === 'otp_sign_in'
                  ? 'Sign-in codes are not kept.'
                  : m.status === 'pending' || m.status === 'sending'
                    ? 'Not sent yet: the text is written from the template when it goes.'
                    : 'The text of this message is not kept: it carried a private link.'}
              </p>
            ) : (
              <div className="rounded-md border border-slate-200 bg-slate-50 p-3">
                {m.subject ? <p className="mb-2 font-semibold text-slate-900">{m.subject}</p> : null}
                <p className="whitespace-pre-wrap break-words text-slate-800">{m.body}</p>
              </div>
            )}
          </section>

          <section aria-labelledby="message-attempts" className="space-y-1">
            <h3 id="message-attempts" className="font-semibold text-slate-900">
              Attempts
            </h3>
            {m.attemptLog.length === 0 ? (
              <p className="text-slate-600">No attempt yet.</p>
            ) : (
              <ol aria-label="Attempts" className="space-y-1">
                {m.attemptLog.map((a) => (
                  <li key={`${a.attempt}-${String(a.startedAt)}`} className="rounded-md border border-slate-200 p-2">
                    <span className="font-semibold">#{a.attempt}</span> {formatTime(a.startedAt, zone)} ·{' '}
                    {CHANNEL_LABELS[a.channel] ?? a.channel} via {a.provider} · {OUTCOMES[a.outcome] ?? a.outcome}
                    {a.error ? <span className="block text-red-800">{a.error}</span> : null}
                  </li>
                ))}
              </ol>
            )}
          </section>

          {m.resentFromId ? (
            <p className="text-slate-700">
              This resends{' '}
              <button
                type="button"
                className="font-semibold text-teal-800 hover:underline"
                onClick={() => onOpen(m.resentFromId ?? id)}
              >
                an earlier message
              </button>
              .
            </p>
          ) : null}
          {m.resends.length > 0 ? (
            <p className="text-slate-700">
              Sent again {m.resends.length} {m.resends.length === 1 ? 'time' : 'times'}, last on{' '}
              {formatTime(m.resends[0]?.createdAt ?? m.createdAt, zone)}.
            </p>
          ) : null}

          {resent ? (
            <Alert tone="success">Queued to send again now. It appears at the top of the history.</Alert>
          ) : null}
          {resend.error ? <Alert tone="error">{errorMessage(resend.error)}</Alert> : null}

          {canSend ? (
            <div className="space-y-1">
              <Button
                onClick={() => resend.mutate({ id })}
                busy={resend.isPending}
                disabled={m.resendBlocked !== null}
                aria-describedby={m.resendBlocked ? 'resend-blocked' : undefined}
              >
                Resend
              </Button>
              {m.resendBlocked ? (
                <p id="resend-blocked" className="text-slate-600">
                  {m.resendBlocked}
                </p>
              ) : null}
            </div>
          ) : null}
        </div>
      )}
    </Modal>
  );
}
