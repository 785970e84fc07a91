import { MESSAGE_KINDS, NOTIFICATION_CHANNELS } from '@carelane/core';
import { z } from 'zod';
import { decodeOverviewCursor } from '../forms/overview.schema';

// The forms overview's keyset cursor (created_at as Postgres prints it, and id) fits this list too.
export {
  decodeOverviewCursor as decodeMessageCursor,
  encodeOverviewCursor as encodeMessageCursor,
} from '../forms/overview.schema';

/** The page's status filter: the outbox status, with 'delivered' when the provider said delivered or read. */
export const MESSAGE_FILTER_STATUSES = ['pending', 'sending', 'sent', 'delivered', 'failed', 'cancelled'] as const;
export type MessageFilterStatus = (typeof MESSAGE_FILTER_STATUSES)[number];

const localDate = (what: string) => z.iso.date(`Give the ${what} date as YYYY-MM-DD`);

export const messageListInput = z
  .object({
    patientId: z.uuid('Not a patient id').optional(),
    kind: z.enum(MESSAGE_KINDS, 'Not a kind of message').optional(),
    channel: z.enum(NOTIFICATION_CHANNELS, 'Choose sms, whatsapp or email').optional(),
    status: z.enum(MESSAGE_FILTER_STATUSES, 'Not a message status').optional(),
    from: localDate('first').optional(),
    to: localDate('last').optional(),
    cursor: z
      .string()
      .max(200)
      .refine((c) => decodeOverviewCursor(c) !== null, 'Not a cursor from this list; start again')
      .optional(),
    limit: z.number().int().min(1, 'At least 1').max(100, 'At most 100').default(50),
  })
  .refine((r) => !r.from || !r.to || r.from <= r.to, {
    path: ['to'],
    message: 'The last date cannot be before the first',
  });
export type MessageListInput = z.infer<typeof messageListInput>;

export const messageIdInput = z.object({ id: z.uuid('Not a message id') });
export type MessageIdInput = z.infer<typeof messageIdInput>;

export const messageStatsInput = z
  .object({ from: localDate('first'), to: localDate('last') })
  .refine((r) => r.from <= r.to, { path: ['to'], message: 'The last date cannot be before the first' })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 92 * 86_400_000, {
    path: ['to'],
    message: 'Choose at most 93 days',
  });
export type MessageStatsInput = z.infer<typeof messageStatsInput>;
