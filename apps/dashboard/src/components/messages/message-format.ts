import type { RouterOutputs } from '@carelane/api/client';
import { MESSAGE_KIND_LABELS, MESSAGE_KINDS, type MessageKind, NOTIFICATION_CHANNELS } from '@carelane/core';

export type MessageRow = RouterOutputs['messages']['list']['rows'][number];

export const CHANNEL_LABELS: Record<string, string> = { sms: 'SMS', whatsapp: 'WhatsApp', email: 'Email' };

export function kindLabel(kind: string): string {
  const label = MESSAGE_KIND_LABELS[kind as MessageKind] ?? kind;
  return label.charAt(0).toUpperCase() + label.slice(1);
}

export const KIND_OPTIONS = [
  { value: '', label: 'Any kind' },
  ...MESSAGE_KINDS.map((k) => ({ value: k, label: kindLabel(k) })),
];
export const CHANNEL_OPTIONS = [
  { value: '', label: 'Any channel' },
  ...NOTIFICATION_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] ?? c })),
];
export const STATUS_OPTIONS = [
  { value: '', label: 'Any status' },
  { value: 'pending', label: 'Waiting' },
  { value: 'sending', label: 'Sending' },
  { value: 'sent', label: 'Sent' },
  { value: 'delivered', label: 'Delivered' },
  { value: 'failed', label: 'Failed' },
  { value: 'cancelled', label: 'Cancelled' },
];

type Shown = { label: string; tone: string };

const TONES = {
  waiting: 'bg-amber-100 text-amber-900 ring-amber-300',
  sent: 'bg-sky-100 text-sky-900 ring-sky-300',
  good: 'bg-emerald-100 text-emerald-900 ring-emerald-300',
  bad: 'bg-red-100 text-red-900 ring-red-300',
  off: 'bg-slate-100 text-slate-700 ring-slate-300',
};

/** The outbox status, refined by what the provider said about delivery. */
export function shownStatus(row: Pick<MessageRow, 'status' | 'deliveryStatus'>): Shown {
  if (row.deliveryStatus === 'read') return { label: 'Read', tone: TONES.good };
  if (row.deliveryStatus === 'delivered') return { label: 'Delivered', tone: TONES.good };
  if (row.deliveryStatus === 'undelivered' || row.deliveryStatus === 'failed') {
    return { label: 'Not delivered', tone: TONES.bad };
  }
  switch (row.status) {
    case 'pending':
      return { label: 'Waiting', tone: TONES.waiting };
    case 'sending':
      return { label: 'Sending', tone: TONES.waiting };
    case 'sent':
      return { label: 'Sent', tone: TONES.sent };
    case 'failed':
      return { label: 'Failed', tone: TONES.bad };
    default:
      return { label: 'Cancelled', tone: TONES.off };
  }
}

/** "22 Nov 2026, 9:30 am" in the clinic's zone. */
export function formatTime(instant: Date | string, zone: string | undefined): string {
  return new Intl.DateTimeFormat('en-IN', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: zone ?? 'UTC',
  }).format(new Date(instant));
}

/** Who the message was for: the patient, a staff member, or nobody on record. */
export function addresseeName(row: MessageRow): string {
  return row.patient?.name ?? (row.staffName ? `${row.staffName} (staff)` : '—');
}
