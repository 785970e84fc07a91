import type { FormRequestState } from '@carelane/core';
import { z } from 'zod';

/** Every state a link can be in; a Record, so a state core adds and this lacks fails to compile. */
const STATES: Record<FormRequestState, null> = {
  sent: null,
  opened: null,
  submitted: null,
  expired: null,
  revoked: null,
  locked: null,
};
export const FORM_REQUEST_STATES = Object.keys(STATES) as [FormRequestState, ...FormRequestState[]];

const state = z.enum(FORM_REQUEST_STATES, 'Choose sent, opened, submitted, expired, revoked or locked');

/** A position in the list: the last row's created_at (as Postgres prints it, microseconds kept) and id. */
export type OverviewCursor = { createdAt: string; id: string };

export function encodeOverviewCursor(cursor: OverviewCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');
}

export function decodeOverviewCursor(text: string): OverviewCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [createdAt, id] = value as unknown[];
    // As Postgres prints a timestamptz: "2026-01-01 00:00:00.123456+00".
    if (
      typeof createdAt !== 'string' ||
      !/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,6})?[+-]\d\d(:\d\d)?$/.test(createdAt)
    ) {
      return null;
    }
    if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id)) return null;
    return { createdAt, id };
  } catch {
    return null;
  }
}

export const formsOverviewInput = z.object({
  /** One state, or several (the dashboard's "Waiting" is sent and opened). */
  state: z.union([state, z.array(state).min(1, 'Choose at least one state').max(6)]).optional(),
  /** Patient name or record number (the patient search's rules). */
  q: z.string().trim().max(80, 'Search is limited to 80 characters').optional(),
  cursor: z
    .string()
    .max(200)
    .refine((c) => decodeOverviewCursor(c) !== null, 'Not a cursor from this list; start again')
    .optional(),
  limit: z.number().int().min(1, 'At least 1').max(100, 'At most 100').default(50),
});
export type FormsOverviewInput = z.infer<typeof formsOverviewInput>;
