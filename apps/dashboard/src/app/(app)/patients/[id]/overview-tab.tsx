'use client';
import { formatPhone } from '@carelane/core';
import { Card } from '@carelane/ui';
import type { ReactNode } from 'react';
import { calendarDay, shortDate } from '../format';
import type { PatientRecord } from './types';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card className="p-4">
      <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
      <dl className="mt-2 grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1.5 text-sm">{children}</dl>
    </Card>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-600">{label}</dt>
      <dd className="min-w-0 break-words text-slate-900">{children || <span className="text-slate-500">—</span>}</dd>
    </>
  );
}

const yesNo = (v: boolean) => (v ? 'Yes' : 'No');

/** Every field of the record, the consents, the household in a line, and the nearest visits. */
export function OverviewTab({ patient: p }: { patient: PatientRecord }) {
  const address = p.address
    ? [p.address.line1, p.address.line2, p.address.city, p.address.state, p.address.postalCode, p.address.country]
        .filter(Boolean)
        .join(', ')
    : '';
  const via = p.contactPhone?.viaPatientId
    ? p.householdMembers.find((m) => m.id === p.contactPhone?.viaPatientId)
    : null;
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      <Section title="Contact">
        <Row label="Mobile">
          {p.phone ? (
            <a href={`tel:${p.phone}`} className="text-teal-800 underline">
              {formatPhone(p.phone)}
            </a>
          ) : null}
        </Row>
        {p.contactPhone?.viaPatientId ? (
          <Row label="Reach on">
            <a href={`tel:${p.contactPhone.phone}`} className="text-teal-800 underline">
              {formatPhone(p.contactPhone.phone)}
            </a>{' '}
            <span className="text-slate-600">({via ? `${via.name}’s` : 'a relative’s'} number)</span>
          </Row>
        ) : null}
        <Row label="Email">{p.email}</Row>
        <Row label="Address">{address}</Row>
        <Row label="Emergency">
          {p.emergencyContact
            ? `${p.emergencyContact.name}${p.emergencyContact.relationship ? ` (${p.emergencyContact.relationship})` : ''}, ${formatPhone(p.emergencyContact.phone)}`
            : null}
        </Row>
      </Section>
      <Section title="Visits">
        <Row label="Next visit">
          {p.upcomingAppointment
            ? `${shortDate(p.upcomingAppointment.startsAt)} with ${p.upcomingAppointment.clinician.name}`
            : 'None booked'}
        </Row>
        <Row label="Last visit">
          {p.lastAppointment
            ? `${shortDate(p.lastAppointment.startsAt)} with ${p.lastAppointment.clinician.name}`
            : 'Not seen yet'}
        </Row>
        <Row label="Appointments">{String(p.counts.appointments)}</Row>
        <Row label="Clinical notes">{String(p.counts.notes)}</Row>
        <Row label="Registered">{shortDate(p.createdAt)}</Row>
      </Section>
      <Section title="Health">
        <Row label="Birth date">{calendarDay(p.birthDate)}</Row>
        <Row label="Blood group">{p.bloodGroup}</Row>
        <Row label="Health plan">
          {p.healthPlan
            ? [p.healthPlan.insurer, p.healthPlan.plan, p.healthPlan.memberId && `member ${p.healthPlan.memberId}`]
                .filter(Boolean)
                .join(' · ') + (p.healthPlan.validTo ? `, valid to ${calendarDay(p.healthPlan.validTo)}` : '')
            : null}
        </Row>
      </Section>
      <Section title="Messages and more">
        <Row label="SMS">{yesNo(p.consentSms)}</Row>
        <Row label="WhatsApp">{yesNo(p.consentWhatsapp)}</Row>
        <Row label="Email">{yesNo(p.consentEmail)}</Row>
        <Row label="Found us via">{p.leadSource}</Row>
        <Row label="Household">
          {p.household
            ? `${p.household.name}${p.householdMembers.length ? `, with ${p.householdMembers.map((m) => m.name).join(', ')}` : ''}`
            : null}
        </Row>
        <Row label="Staff notes">{p.notes}</Row>
      </Section>
    </div>
  );
}
