import type { RouterOutputs } from '@carelane/api/client';

export type StaffMember = RouterOutputs['staff']['list'][number];
export type StaffStatus = StaffMember['status'];

export const STATUS_LABELS: Record<StaffStatus, string> = {
  active: 'Active',
  invited: 'Invited',
  invitation_expired: 'Invitation expired',
  deactivated: 'Deactivated',
};

export const STATUS_TONES: Record<StaffStatus, string> = {
  active: 'bg-emerald-100 text-emerald-900 ring-emerald-300',
  invited: 'bg-sky-100 text-sky-900 ring-sky-300',
  invitation_expired: 'bg-amber-100 text-amber-900 ring-amber-300',
  deactivated: 'bg-slate-100 text-slate-700 ring-slate-300',
};

/** "3 Dec 2026, 6:05 pm" in the browser's zone, or a word when there is nothing to show. */
export function formatInstant(instant: Date | null, none = 'Never'): string {
  if (!instant) return none;
  return new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeStyle: 'short' }).format(instant);
}

/** "until 14 Dec" for a pending invitation, "ran out 14 Dec" for an expired one. */
export function invitationNote(member: StaffMember): string | null {
  if (!member.invitationExpiresAt) return null;
  const day = new Intl.DateTimeFormat('en-IN', { day: 'numeric', month: 'short' }).format(member.invitationExpiresAt);
  return member.status === 'invited' ? `Link works until ${day}` : `Link ran out on ${day}`;
}
