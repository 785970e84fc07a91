'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { PASSWORD_MIN_LENGTH, STAFF_ROLE_LABELS, STAFF_ROLES, type StaffRole } from '@carelane/core';
import { Alert, Button, SelectField, Skeleton, TextField } from '@carelane/ui';
import { type FormEvent, useId, useState } from 'react';
import { Modal } from '@/components/modal';
import { serverErrors } from '@/components/server-errors';
import type { StaffMember } from './staff-format';

const FIELDS = ['name', 'email', 'phone', 'role', 'centreIds'] as const;
type Field = (typeof FIELDS)[number];
const isField = (f: string): f is Field => (FIELDS as readonly string[]).includes(f);

/** Roles that see every centre; the others work at the centres ticked. */
const ALL_CENTRES: readonly StaffRole[] = ['admin', 'manager'];

/**
 * Invite someone (no `member`) or change a staff member's name, phone, role and centres. The
 * server checks everything again; its field errors show on the fields.
 */
export function StaffDialog({
  member,
  onClose,
  onDone,
}: {
  member?: StaffMember;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const centres = trpc.centres.list.useQuery();
  const utils = trpc.useUtils();
  const invite = trpc.staff.invite.useMutation();
  const update = trpc.staff.update.useMutation();
  const mutation = member ? update : invite;
  const [name, setName] = useState(member?.name ?? '');
  const [email, setEmail] = useState(member?.email ?? '');
  const [phone, setPhone] = useState(member?.phone ?? '');
  const [role, setRole] = useState<StaffRole>(member?.role ?? 'front_desk');
  const [centreIds, setCentreIds] = useState<string[]>(member?.centres.map((c) => c.id) ?? []);
  const legendId = useId();
  const errors = mutation.error ? serverErrors(mutation.error, isField) : { fields: {}, other: [] };
  const fields: Partial<Record<Field, string>> = errors.fields;
  const otherError =
    mutation.error && Object.keys(fields).length === 0
      ? errors.other.length
        ? errors.other.join(' ')
        : errorMessage(mutation.error)
      : null;

  function toggle(id: string, on: boolean) {
    setCentreIds((ids) => (on ? [...ids, id] : ids.filter((c) => c !== id)));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const done = (message: string) => {
      void utils.staff.list.invalidate();
      onDone(message);
    };
    if (member) {
      update.mutate(
        { userId: member.id, name, phone: phone || null, role, centreIds },
        { onSuccess: (r) => done(r.changed ? `Saved the changes to ${name}.` : 'Nothing was changed.') },
      );
    } else {
      invite.mutate(
        { name, email, phone: phone || null, role, centreIds },
        { onSuccess: () => done(`Invitation sent to ${email}. The link works for 7 days.`) },
      );
    }
  }

  return (
    <Modal title={member ? `Edit ${member.name}` : 'Invite staff'} onClose={onClose}>
      <form onSubmit={submit} className="space-y-4" noValidate>
        {member ? null : (
          <p className="text-sm text-slate-700">
            They get an email (and an SMS when you give a phone number) with a link to choose their password (at least{' '}
            {PASSWORD_MIN_LENGTH} characters). Until then they cannot sign in.
          </p>
        )}
        <TextField
          label="Full name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fields.name}
          autoComplete="off"
          data-autofocus
          required
        />
        {member ? (
          <p className="text-sm text-slate-700">
            Email: <span className="font-medium text-slate-900">{member.email}</span>
          </p>
        ) : (
          <TextField
            label="Email"
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={fields.email}
            hint="They sign in with it."
            autoComplete="off"
            required
          />
        )}
        <TextField
          label="Mobile number (optional)"
          type="tel"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          error={fields.phone}
          hint="For sign-in codes by SMS."
          autoComplete="off"
        />
        <SelectField
          label="Role"
          value={role}
          onChange={(e) => setRole(e.target.value as StaffRole)}
          options={STAFF_ROLES.map((r) => ({ value: r, label: STAFF_ROLE_LABELS[r] }))}
        />
        {fields.role ? <p className="text-sm font-medium text-red-700">{fields.role}</p> : null}
        <fieldset aria-labelledby={legendId} aria-describedby={fields.centreIds ? `${legendId}-error` : undefined}>
          <p id={legendId} className="text-sm font-medium text-slate-800">
            Centres
          </p>
          <p className="text-sm text-slate-600">
            {ALL_CENTRES.includes(role)
              ? 'Admins and managers see every centre; ticks set where they usually work.'
              : 'Where they work: they see the patients and calendars of these centres.'}
          </p>
          {centres.error ? (
            <Alert>{errorMessage(centres.error)}</Alert>
          ) : !centres.data ? (
            <Skeleton className="mt-2 h-16" />
          ) : centres.data.length === 0 ? (
            <p className="mt-2 text-sm text-slate-700">There are no open centres yet. Add one under Centres first.</p>
          ) : (
            <ul className="mt-2 grid gap-2 sm:grid-cols-2">
              {centres.data.map((c) => (
                <li key={c.id}>
                  <label className="flex min-h-11 items-center gap-3 rounded-md border border-slate-200 px-3 py-2 text-sm text-slate-800 has-[:checked]:border-teal-700 has-[:checked]:bg-teal-50">
                    <input
                      type="checkbox"
                      checked={centreIds.includes(c.id)}
                      onChange={(e) => toggle(c.id, e.target.checked)}
                      className="h-5 w-5 shrink-0 accent-teal-700"
                    />
                    <span>
                      {c.name}
                      {c.city ? <span className="block text-xs text-slate-600">{c.city}</span> : null}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          {fields.centreIds ? (
            <p id={`${legendId}-error`} className="mt-1 text-sm font-medium text-red-700">
              {fields.centreIds}
            </p>
          ) : null}
        </fieldset>
        {otherError ? <Alert>{otherError}</Alert> : null}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" busy={mutation.isPending}>
            {member ? 'Save changes' : 'Send invitation'}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
