'use client';
import { EmptyState } from '@carelane/ui';
import Link from 'next/link';
import { MessageList } from '@/components/messages/message-list';

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
  const filtersLink = `/messages?${new URLSearchParams({ patientId, patientName }).toString()}`;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600">Confirmations, reminders, links and receipts sent to {patientName}.</p>
        <Link href={filtersLink} className="text-sm font-semibold text-teal-800 underline">
          Filter in Messages
        </Link>
      </div>
      <MessageList
        query={{ patientId, limit: PAGE }}
        zone={zone}
        canSend={canSend}
        empty={
          <EmptyState title="No messages yet">
            Booking confirmations, reminders, form and payment links sent to this patient appear here.
          </EmptyState>
        }
      />
    </div>
  );
}
