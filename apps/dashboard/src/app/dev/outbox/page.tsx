import { recentLocalMessages } from '@carelane/integrations';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { devToolsEnabled } from '@/env';
import { runtime } from '@/server/runtime';

export const metadata: Metadata = { title: 'Development inbox' };
export const dynamic = 'force-dynamic';

/**
 * What the local messaging channel "delivered" (sign-in codes and, later, reminders), so a
 * developer can sign in without a phone. Does not exist in production.
 */
export default async function DevOutboxPage() {
  if (!devToolsEnabled()) notFound();
  const { deps } = await runtime();
  const messages = await recentLocalMessages(deps.db);
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-2xl font-bold text-slate-900">Development inbox</h1>
      <p className="mt-1 text-sm text-slate-600">
        Messages sent through the local channel, newest first. Disabled when APP_ENV=production.
      </p>
      {messages.length === 0 ? (
        <p className="mt-6 rounded-md border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">
          Nothing sent yet. Request a sign-in code and reload.
        </p>
      ) : (
        <ol className="mt-6 space-y-3">
          {messages.map((m) => (
            <li
              key={m.id}
              className="rounded-md border border-slate-200 bg-white p-4 shadow-sm"
              data-testid="dev-message"
            >
              <p className="text-xs text-slate-600">
                {m.channel.toUpperCase()} to <span data-testid="dev-recipient">{m.recipient}</span> ·{' '}
                {m.createdAt.toISOString().replace('T', ' ').slice(0, 19)} UTC
              </p>
              {m.subject ? <p className="mt-1 font-semibold text-slate-900">{m.subject}</p> : null}
              <p className="mt-1 text-slate-800" data-testid="dev-body">
                {m.body}
              </p>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
