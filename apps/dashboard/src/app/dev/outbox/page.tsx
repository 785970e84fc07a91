import { recentLocalMessages } from '@carelane/api';
import { readFakeInbox } from '@carelane/integrations/messaging/providers';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { devToolsEnabled, env } from '@/env';
import { runtime } from '@/server/runtime';
import { attachmentLabel, type DevMessage, fromFakes, fromLocal } from './messages';

export const metadata: Metadata = { title: 'Development inbox' };
export const dynamic = 'force-dynamic';

const TABS = [
  { value: 'all', label: 'All' },
  { value: 'email', label: 'Email' },
  { value: 'sms', label: 'SMS' },
  { value: 'whatsapp', label: 'WhatsApp' },
] as const;

/**
 * What the local channel and (under `pnpm start`) the fake SMTP, Twilio and Gallabox servers
 * received, newest first, so a developer can sign in and follow messages without a phone.
 * Does not exist in production.
 */
export default async function DevOutboxPage({ searchParams }: { searchParams: Promise<{ channel?: string }> }) {
  if (!devToolsEnabled()) notFound();
  const { channel = 'all' } = await searchParams;
  const { deps } = await runtime();
  const inboxUrl = env().MESSAGING_INBOX_URL;
  const [local, fakes] = await Promise.all([
    recentLocalMessages(deps.db),
    inboxUrl ? readFakeInbox(inboxUrl) : Promise.resolve(null),
  ]);
  const all = [...fromLocal(local), ...fromFakes(fakes ?? [])].sort(
    (a, b) => b.receivedAt.getTime() - a.receivedAt.getTime(),
  );
  const messages = channel === 'all' ? all : all.filter((m) => m.channel === channel);
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-2xl font-bold text-slate-900">Development inbox</h1>
      <p className="mt-1 text-sm text-slate-600">
        Messages the local channel{inboxUrl ? ' and the fake SMTP, Twilio and Gallabox servers' : ''} received, newest
        first. Disabled when APP_ENV=production.
      </p>
      {inboxUrl && fakes === null ? (
        <p className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" role="alert">
          The fake providers' inbox at {inboxUrl} did not answer; only the local channel is shown.
        </p>
      ) : null}
      <nav className="mt-4 flex gap-2" aria-label="Channels">
        {TABS.map((tab) => (
          <Link
            key={tab.value}
            href={tab.value === 'all' ? '/dev/outbox' : `/dev/outbox?channel=${tab.value}`}
            aria-current={channel === tab.value ? 'page' : undefined}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${
              channel === tab.value ? 'bg-slate-900 text-white' : 'bg-white text-slate-700 ring-1 ring-slate-300'
            }`}
          >
            {tab.label} ({tab.value === 'all' ? all.length : all.filter((m) => m.channel === tab.value).length})
          </Link>
        ))}
      </nav>
      {messages.length === 0 ? (
        <p className="mt-6 rounded-md border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">
          Nothing sent yet. Request a sign-in code and reload.
        </p>
      ) : (
        <ol className="mt-6 space-y-3">
          {messages.map((m) => (
            <MessageCard key={m.key} message={m} />
          ))}
        </ol>
      )}
    </main>
  );
}

function MessageCard({ message: m }: { message: DevMessage }) {
  return (
    <li className="rounded-md border border-slate-200 bg-white p-4 shadow-sm" data-testid="dev-message">
      <p className="text-xs text-slate-600">
        {m.channel.toUpperCase()} to <span data-testid="dev-recipient">{m.to}</span> · via {m.via}
        {m.status ? ` · ${m.status}` : ''} · {m.receivedAt.toISOString().replace('T', ' ').slice(0, 19)} UTC
      </p>
      {m.subject ? <p className="mt-1 font-semibold text-slate-900">{m.subject}</p> : null}
      <p className="mt-1 whitespace-pre-line text-slate-800" data-testid="dev-body">
        {m.body}
      </p>
      {m.attachments.length > 0 ? (
        <ul className="mt-2 space-y-1 text-sm" aria-label="Attachments">
          {m.attachments.map((file) => (
            <li key={`${file.filename ?? 'file'}-${file.size}-${file.contentType}`} data-testid="dev-attachment">
              {file.contentBase64 ? (
                <a
                  className="text-blue-700 underline"
                  href={`data:${file.contentType};base64,${file.contentBase64}`}
                  download={file.filename ?? 'attachment'}
                >
                  {attachmentLabel(file)}
                </a>
              ) : (
                attachmentLabel(file)
              )}{' '}
              <span className="text-slate-500">{Math.max(1, Math.round(file.size / 1024))} KB</span>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
