'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import {
  formatPhone,
  fullName,
  type HouseholdRelationship,
  INVERSE_RELATIONSHIP,
  LINK_RELATIONSHIPS,
  type LinkRelationship,
} from '@carelane/core';
import { Alert, Button, EmptyState, SelectField } from '@carelane/ui';
import Link from 'next/link';
import { useState } from 'react';
import { PatientPicker, type PickedPatient } from '@/components/patient-picker';
import type { PatientRecord } from './types';

const RELATIONSHIP_LABELS: Record<string, string> = {
  self: 'Main contact',
  parent: 'Parent',
  child: 'Child',
  spouse: 'Spouse',
  guardian: 'Guardian',
  sibling: 'Sibling',
  other: 'Other',
};

type Member = PatientRecord['householdMembers'][number];

/**
 * How a member reads on this patient's page. Relationships are stored towards the household's
 * main contact, so from anyone else's page the main contact is named by the inverse ("Child" on
 * the parent's page) and the others as relatives of the main contact.
 */
function relationLabel(member: Member, viewer: HouseholdRelationship | null, members: Member[]): string | null {
  if (!member.relationship) return null;
  if (!viewer || viewer === 'self') return RELATIONSHIP_LABELS[member.relationship] ?? null;
  if (member.relationship === 'self') return `${RELATIONSHIP_LABELS[INVERSE_RELATIONSHIP[viewer]]} · main contact`;
  const anchor = members.find((m) => m.relationship === 'self');
  return `${RELATIONSHIP_LABELS[member.relationship]}${anchor ? ` of ${anchor.name}` : ''}`;
}

/** Who the patient lives with; link a relative (a guardian's phone can stand for a minor's) or unlink one. */
export function HouseholdTab({ patient, canWrite }: { patient: PatientRecord; canWrite: boolean }) {
  const utils = trpc.useUtils();
  const link = trpc.households.link.useMutation();
  const unlink = trpc.households.unlink.useMutation();
  const [relative, setRelative] = useState<PickedPatient | null>(null);
  const [relationship, setRelationship] = useState<LinkRelationship>('parent');
  const [notice, setNotice] = useState<string | null>(null);
  // A fresh picker after each link, so the last search (and the patient just linked) is not offered again.
  const [pickerKey, setPickerKey] = useState(0);
  const members = patient.householdMembers;
  const name = fullName(patient);
  const done = (message: string) => {
    setNotice(message);
    void utils.patients.invalidate();
  };

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!relative) return;
    // "The relative is the <relationship> of this patient."
    link.mutate(
      { patientId: relative.id, relatedPatientId: patient.id, relationship },
      {
        onSuccess: () => {
          setRelative(null);
          setPickerKey((k) => k + 1);
          done(`Linked ${relative.name} as ${name}’s ${RELATIONSHIP_LABELS[relationship]?.toLowerCase()}.`);
        },
      },
    );
  }

  return (
    <div className="space-y-4">
      <div aria-live="polite">{notice ? <Alert tone="success">{notice}</Alert> : null}</div>
      {unlink.error ? <Alert>{errorMessage(unlink.error)}</Alert> : null}
      {members.length ? (
        <ul
          aria-label="Household members"
          className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
        >
          {members.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm">
              <div>
                <Link href={`/patients/${m.id}`} className="font-semibold text-teal-800 underline">
                  {m.name}
                </Link>
                <span className="block text-slate-600">
                  {[
                    relationLabel(m, patient.householdRelationship, members),
                    m.mrn,
                    m.phone ? formatPhone(m.phone) : 'No phone',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </div>
              {canWrite ? (
                <Button
                  variant="ghost"
                  busy={unlink.isPending && unlink.variables?.patientId === m.id}
                  onClick={() =>
                    unlink.mutate({ patientId: m.id }, { onSuccess: () => done(`${m.name} left the household.`) })
                  }
                >
                  Unlink<span className="sr-only"> {m.name}</span>
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title="No household yet">
          Link a parent, child, spouse or guardian who is also a patient.
        </EmptyState>
      )}
      {canWrite ? (
        <form onSubmit={submit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" noValidate>
          <h2 className="text-sm font-semibold text-slate-900">Link a relative</h2>
          <PatientPicker key={pickerKey} patient={relative} onChange={setRelative} />
          <SelectField
            label={`Who is ${name}’s`}
            value={relationship}
            onChange={(e) => setRelationship(e.target.value as LinkRelationship)}
            options={LINK_RELATIONSHIPS.map((r) => ({ value: r, label: RELATIONSHIP_LABELS[r] ?? r }))}
          />
          {link.error ? <Alert>{errorMessage(link.error)}</Alert> : null}
          <Button type="submit" disabled={!relative} busy={link.isPending}>
            Link
          </Button>
        </form>
      ) : null}
    </div>
  );
}
