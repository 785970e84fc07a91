import type { FormRequestState } from '@carelane/core';
import { formRequests } from '@carelane/db';
import { type SQL, sql } from 'drizzle-orm';

/**
 * Core's `formRequestState` as a SQL CASE, so lists can filter and count by state in the
 * database. Same order of checks (a submission wins, then revocation, lockout, expiry), same
 * `expires_at <= now` boundary; `now` is passed in so a query and any check of it share one clock.
 * forms-overview.test.ts holds the two to each other row by row.
 */
export function formStateSql(now: Date): SQL<FormRequestState> {
  return sql<FormRequestState>`(case
    when ${formRequests.submittedAt} is not null then 'submitted'
    when ${formRequests.revokedAt} is not null then 'revoked'
    when ${formRequests.lockedAt} is not null then 'locked'
    when ${formRequests.expiresAt} <= ${now.toISOString()}::timestamptz then 'expired'
    when ${formRequests.openedAt} is not null then 'opened'
    else 'sent'
  end)`;
}
