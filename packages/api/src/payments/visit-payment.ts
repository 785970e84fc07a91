import {
  appointments,
  appointmentTypes,
  centres,
  type DbOrTx,
  invoiceLines,
  invoices,
  organizations,
  patients,
  payments,
} from '@carelane/db';
import { eq, sql } from 'drizzle-orm';
import type { Tenant } from '../tenancy';

/** A visit with what paying for it online needs: its patient, type, clinic, and what its payments credit. */
export async function loadVisitForPayment(db: DbOrTx, tenant: Tenant, appointmentId: string) {
  const [row] = await db
    .select({
      visit: appointments,
      type: appointmentTypes,
      patient: patients,
      organizationName: organizations.name,
      zone: centres.zone,
      creditedMinor: sql<number>`(select coalesce(sum(${payments.creditedMinor}), 0)::int from ${payments} where ${payments.appointmentId} = ${appointments.id})`,
      billedOn: sql<
        number | null
      >`(select ${invoices.number} from ${invoiceLines} join ${invoices} on ${invoices.id} = ${invoiceLines.invoiceId} where ${invoiceLines.appointmentId} = ${appointments.id} and ${invoiceLines.kind} = 'appointment' and ${invoices.status} <> 'void' limit 1)`,
    })
    .from(appointments)
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.typeId))
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .innerJoin(centres, eq(centres.id, appointments.centreId))
    .innerJoin(organizations, tenant.organization())
    .where(tenant.where(appointments, eq(appointments.id, appointmentId)));
  return row ?? null;
}

export type VisitForPayment = NonNullable<Awaited<ReturnType<typeof loadVisitForPayment>>>;

/** "Online therapy session on 3 Dec, 6:00 pm", in the centre's zone. */
export function describeVisit(row: Pick<VisitForPayment, 'visit' | 'type' | 'zone'>): string {
  const when = new Intl.DateTimeFormat('en-IN', {
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: row.zone,
  }).format(row.visit.startsAt);
  return `${row.type.name} on ${when}`;
}
