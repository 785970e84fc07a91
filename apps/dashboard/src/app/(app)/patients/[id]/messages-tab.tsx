'use client';
import { trpc } from '@carelane/api/react';
import { EmptyState } from '@carelane/ui';
import { keepPreviousData } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { MessageDialog } from '@/components/messages/message-dialog';
import { MessageRows } from '@/components/messages/message-rows';
import { PagedList } from '@/components/paged-list';

const PAGE = 20;

/** What was sent to this patient, newest first; a message opens with its text and attempts. */
export function MessagesTab({
  patientId,
  patientName,
  zone,
  canSend,
}: {
  patientId: string;
  patientName: string;
  zone: string | undefined;
  canSend: boolean;
}) {
  const [openId, setOpenId] = useState<string | null>(null);
  const list = trpc.messages.list.useInfiniteQuery(
    { patientId, limit: PAGE },
    { getNextPageParam: (last) => last.nextCursor ?? undefined, placeholderData: keepPreviousData },
  );
  const rows = list.data?.pages.flatMap((p) => p.rows) ?? [];
  const filtersLink = `/messages?${new URLSearchParams({ patientId, patientName }).toString()}`;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600">Confirmations, reminders, links and receipts sent to {patientName}.</p>
        <Link href={filtersLink} className="text-sm font-semibold text-teal-800 underline">
          Filter in Messages
        </Link>
      </div>
      <PagedList
        list={list}
        isEmpty={rows.length === 0}
        loadingLabel="Loading messages…"
        empty={
          <EmptyState title="No messages yet">
            Booking confirmations, reminders, form and payment links sent to this patient appear here.
          </EmptyState>
        }
      >
        <MessageRows rows={rows} zone={zone} onOpen={setOpenId} />
      </PagedList>
      {openId ? (
        <MessageDialog
          key={openId}
          id={openId}
          zone={zone}
          canSend={canSend}
          onClose={() => setOpenId(null)}
          onOpen={setOpenId}
        />
      ) : null}
    </div>
  );
}
