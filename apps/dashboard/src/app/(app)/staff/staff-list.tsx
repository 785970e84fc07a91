'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { formatPhone } from '@carelane/core';
import { Alert, Button, Card, EmptyState, ErrorState, Pill, Skeleton } from '@carelane/ui';
import Link from 'next/link';
import { useState } from 'react';
import { DeactivateDialog } from './deactivate-dialog';
import { type StaffAction, StaffActions } from './staff-actions';
import { StaffDialog } from './staff-dialog';
import { formatInstant, invitationNote, STATUS_LABELS, STATUS_TONES, type StaffMember } from './staff-format';

type Notice = { tone: 'success' | 'error'; text: string };

function NameCell({ member }: { member: StaffMember }) {
  const name =
    member.role === 'clinician' ? (
      <Link href={`/clinicians/${member.id}`} className="underline hover:text-teal-800">
        {member.name}
      </Link>
    ) : (
      member.name
    );
  return (
    <div className="min-w-0">
      <span className="font-medium text-slate-900">{name}</span>
      {member.isSelf ? <span className="text-slate-600"> (you)</span> : null}
      <span className="block break-all text-slate-700">{member.email}</span>
      {member.phone ? <span className="block tabular-nums text-slate-700">{formatPhone(member.phone)}</span> : null}
    </div>
  );
}

function StatusCell({ member }: { member: StaffMember }) {
  const note = invitationNote(member);
  return (
    <div>
      <Pill tone={STATUS_TONES[member.status]}>{STATUS_LABELS[member.status]}</Pill>
      {note ? <span className="mt-1 block text-xs text-slate-600">{note}</span> : null}
    </div>
  );
}

const centreNames = (m: StaffMember) => (m.centres.length ? m.centres.map((c) => c.name).join(', ') : 'No centre');

/** The staff list: a table on wide screens, cards on narrow ones; actions for those who manage staff. */
export function StaffList({ canManage }: { canManage: boolean }) {
  const staff = trpc.staff.list.useQuery();
  const utils = trpc.useUtils();
  const resend = trpc.staff.resendInvitation.useMutation();
  const revoke = trpc.staff.revokeInvitation.useMutation();
  const setActive = trpc.staff.setActive.useMutation();
  const [dialog, setDialog] = useState<
    { kind: 'invite' } | { kind: 'edit' | 'deactivate'; member: StaffMember } | null
  >(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState<{ id: string; action: StaffAction } | null>(null);

  function act(member: StaffMember, action: StaffAction) {
    setNotice(null);
    if (action === 'edit' || action === 'deactivate') {
      setDialog({ kind: action, member });
      return;
    }
    setBusy({ id: member.id, action });
    const settle = {
      onSuccess: () => {
        const text = {
          resend: `A new invitation is on its way to ${member.email}. Earlier links no longer work.`,
          revoke: `${member.name}'s invitation is revoked: the link no longer works.`,
          reactivate: `${member.name} is active again and can sign in.`,
        }[action];
        setNotice({ tone: 'success', text });
      },
      onError: (e: unknown) => setNotice({ tone: 'error', text: errorMessage(e) }),
      onSettled: () => {
        setBusy(null);
        void utils.staff.list.invalidate();
      },
    };
    if (action === 'resend') resend.mutate({ userId: member.id }, settle);
    else if (action === 'revoke') revoke.mutate({ userId: member.id }, settle);
    else setActive.mutate({ userId: member.id, active: true }, settle);
  }

  const actions = (m: StaffMember) =>
    canManage ? (
      <StaffActions member={m} busy={busy?.id === m.id ? busy.action : null} onAction={(a) => act(m, a)} />
    ) : null;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Staff</h1>
        {canManage ? <Button onClick={() => setDialog({ kind: 'invite' })}>Invite staff</Button> : null}
      </div>
      {canManage ? null : (
        <p className="text-sm text-slate-700">You can see the staff list. Only an admin can invite or change staff.</p>
      )}
      <div aria-live="polite">{notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}</div>
      {staff.error ? (
        <ErrorState message={errorMessage(staff.error)} onRetry={() => void staff.refetch()} />
      ) : !staff.data ? (
        <Skeleton className="h-64" />
      ) : staff.data.length === 0 ? (
        <EmptyState title="No staff yet">Invite the people who work at the clinic.</EmptyState>
      ) : (
        <>
          <ul className="space-y-3 sm:hidden" aria-label="Staff members">
            {staff.data.map((m) => (
              <li key={m.id}>
                <Card className="space-y-2 p-4 text-sm">
                  <div className="flex items-start justify-between gap-3">
                    <NameCell member={m} />
                    <StatusCell member={m} />
                  </div>
                  <p className="text-slate-700">
                    {m.roleLabel} · {centreNames(m)}
                  </p>
                  <p className="text-slate-600">Last sign-in: {formatInstant(m.lastSignInAt)}</p>
                  {actions(m)}
                </Card>
              </li>
            ))}
          </ul>
          <Card className="hidden overflow-x-auto sm:block">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Staff members</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    Name
                  </th>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    Role and centres
                  </th>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    Status
                  </th>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    Last sign-in
                  </th>
                  {canManage ? (
                    <th scope="col" className="px-4 py-3 font-semibold">
                      <span className="sr-only">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {staff.data.map((m) => (
                  <tr key={m.id} className="align-top">
                    <td className="px-4 py-3">
                      <NameCell member={m} />
                    </td>
                    <td className="px-4 py-3">
                      <span className="block font-medium text-slate-900">{m.roleLabel}</span>
                      <span className="block text-slate-700">{centreNames(m)}</span>
                    </td>
                    <td className="px-4 py-3">
                      <StatusCell member={m} />
                    </td>
                    <td className="px-4 py-3 text-slate-700">{formatInstant(m.lastSignInAt)}</td>
                    {canManage ? <td className="px-4 py-3">{actions(m)}</td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        </>
      )}
      {dialog?.kind === 'invite' || dialog?.kind === 'edit' ? (
        <StaffDialog
          member={dialog.kind === 'edit' ? dialog.member : undefined}
          onClose={() => setDialog(null)}
          onDone={(text) => {
            setDialog(null);
            setNotice({ tone: 'success', text });
          }}
        />
      ) : null}
      {dialog?.kind === 'deactivate' ? (
        <DeactivateDialog member={dialog.member} onClose={() => setDialog(null)} />
      ) : null}
    </div>
  );
}
