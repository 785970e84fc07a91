'use client';
import { trpc } from '@carelane/api/react';
import { Tabs } from '@/components/tabs';
import { useQueryParams } from '@/components/use-query-params';
import { HistoryPanel } from './history-panel';
import { StatsPanel } from './stats-panel';

const TABS = [
  { id: 'history', label: 'History' },
  { id: 'stats', label: 'Statistics' },
];

/** Every message the clinic sent or will send, what became of it, and the figures per channel and kind. */
export function MessagesView() {
  const [params, navigate] = useQueryParams();
  const tab = params.get('tab') === 'stats' ? 'stats' : 'history';
  const profile = trpc.me.profile.useQuery();
  const zone = profile.data?.organization.zone;
  const canSend = profile.data?.permissions.includes('messages:send') ?? false;

  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Messages</h1>
        <p className="max-w-2xl text-sm text-slate-600">
          Confirmations, reminders, links and notices sent by WhatsApp, SMS and email: whether each arrived, every
          attempt, and a way to send one again.
        </p>
      </div>
      <Tabs
        label="Messages"
        tabs={TABS}
        selected={tab}
        onSelect={(id) => navigate({ tab: id === 'history' ? '' : id })}
      >
        {tab === 'history' ? <HistoryPanel zone={zone} canSend={canSend} /> : <StatsPanel zone={zone} />}
      </Tabs>
    </div>
  );
}
