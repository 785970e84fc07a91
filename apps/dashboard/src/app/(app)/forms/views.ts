import type { FormRequestState } from '@carelane/core';

/** The page's tabs: "Waiting" is every link the patient can still use (sent or opened). */
export const VIEWS = [
  { id: 'waiting', label: 'Waiting', states: ['sent', 'opened'] },
  { id: 'submitted', label: 'Submitted', states: ['submitted'] },
  { id: 'locked', label: 'Locked', states: ['locked'] },
  { id: 'expired', label: 'Expired', states: ['expired'] },
  { id: 'revoked', label: 'Revoked', states: ['revoked'] },
  { id: 'all', label: 'All', states: null },
] as const satisfies readonly { id: string; label: string; states: readonly FormRequestState[] | null }[];

export type View = (typeof VIEWS)[number];

const ALL = VIEWS[VIEWS.length - 1] as View;

/** The tab the query string names; All (every link at a glance) when it names none. */
export function viewOf(id: string | null): View {
  return VIEWS.find((v) => v.id === id) ?? ALL;
}

/** How many links a tab holds, from the counts per state. */
export function viewCount(view: View, counts: Record<FormRequestState, number>): number {
  const states = view.states ?? (Object.keys(counts) as FormRequestState[]);
  return states.reduce((sum, s) => sum + counts[s], 0);
}
