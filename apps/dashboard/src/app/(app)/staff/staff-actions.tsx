'use client';
import { Button } from '@carelane/ui';
import type { StaffMember } from './staff-format';

export type StaffAction = 'edit' | 'resend' | 'revoke' | 'deactivate' | 'reactivate';

const LABELS: Record<StaffAction, string> = {
  edit: 'Edit',
  resend: 'Resend invitation',
  revoke: 'Revoke invitation',
  deactivate: 'Deactivate',
  reactivate: 'Reactivate',
};

/** What can be done to a staff member in their state (nobody deactivates themselves). */
export function actionsFor(member: StaffMember): StaffAction[] {
  switch (member.status) {
    case 'active':
      return member.isSelf ? ['edit'] : ['edit', 'deactivate'];
    case 'invited':
    case 'invitation_expired':
      return ['edit', 'resend', 'revoke'];
    case 'deactivated':
      // Someone who never joined is invited again; someone who did is switched back on.
      return member.neverJoined ? ['edit', 'resend'] : ['edit', 'reactivate'];
  }
}

export function StaffActions({
  member,
  busy,
  onAction,
}: {
  member: StaffMember;
  busy: StaffAction | null;
  onAction: (action: StaffAction) => void;
}) {
  return (
    <div className="flex flex-wrap gap-2">
      {actionsFor(member).map((action) => (
        <Button
          key={action}
          variant={action === 'deactivate' || action === 'revoke' ? 'ghost' : 'secondary'}
          className="min-h-9 px-3 py-1 text-sm"
          busy={busy === action}
          onClick={() => onAction(action)}
          aria-label={`${LABELS[action]}: ${member.name}`}
        >
          {LABELS[action]}
        </Button>
      ))}
    </div>
  );
}
