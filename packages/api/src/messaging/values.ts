import {
  type ContactConsent,
  fullName,
  isMessageKind,
  KIND_VARIABLES,
  localDateTimeParts,
  type MessageKind,
  type MessageLanguage,
  STAFF_CHANGE_WORDS,
} from '@carelane/core';
import {
  appointments,
  appointmentTypes,
  centres,
  type Database,
  type notifications,
  organizations,
  patients,
  staffUsers,
} from '@carelane/db';
import { eq } from 'drizzle-orm';
import { tenantOf } from '../tenancy';
import { signAction } from './confirm-link';

type Notification = typeof notifications.$inferSelect;

/** The visit a message is about, as delivery reads it (fresh: a moved visit shows its new time). */
export type VisitFacts = {
  id: string;
  status: string;
  startsAt: Date;
  endsAt: Date;
  zone: string;
  centreName: string;
  centreAddress: string;
  clinicianName: string;
  typeName: string;
  videoUrl: string | null;
  updatedAt: Date;
};

export type MessageFacts = {
  organizationName: string;
  patientName: string | null;
  /** What the patient record says now about reaching them (consent is read again at sending). */
  patientContact: ContactConsent | null;
  visit: VisitFacts | null;
};

export type LinkConfig = { secret: string; bookingUrl: string };

/** The facts a message's variables are made of, read at delivery. */
export async function loadMessageFacts(db: Database, row: Notification): Promise<MessageFacts> {
  const { organizationId } = row;
  const [org] = organizationId
    ? await db.select({ name: organizations.name }).from(organizations).where(tenantOf(organizationId).organization())
    : [];
  const [patient] = row.patientId
    ? await db
        .select({
          firstName: patients.firstName,
          lastName: patients.lastName,
          phone: patients.phone,
          email: patients.email,
          consentSms: patients.consentSms,
          consentWhatsapp: patients.consentWhatsapp,
          consentEmail: patients.consentEmail,
        })
        .from(patients)
        .where(eq(patients.id, row.patientId))
    : [];
  const [visit] = row.appointmentId
    ? await db
        .select({
          id: appointments.id,
          status: appointments.status,
          startsAt: appointments.startsAt,
          endsAt: appointments.endsAt,
          zone: centres.zone,
          centreName: centres.name,
          addressLine: centres.addressLine,
          city: centres.city,
          postalCode: centres.postalCode,
          clinicianName: staffUsers.name,
          typeName: appointmentTypes.name,
          videoUrl: appointments.videoUrl,
          updatedAt: appointments.updatedAt,
        })
        .from(appointments)
        .innerJoin(centres, eq(centres.id, appointments.centreId))
        .innerJoin(staffUsers, eq(staffUsers.id, appointments.clinicianId))
        .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.typeId))
        .where(eq(appointments.id, row.appointmentId))
    : [];
  return {
    organizationName: org?.name ?? 'Carelane',
    patientName: patient ? fullName(patient) : null,
    patientContact: patient ?? null,
    visit: visit
      ? {
          id: visit.id,
          status: visit.status,
          startsAt: visit.startsAt,
          endsAt: visit.endsAt,
          zone: visit.zone,
          centreName: visit.centreName,
          centreAddress: [visit.addressLine, [visit.city, visit.postalCode].filter(Boolean).join(' ')]
            .filter(Boolean)
            .join(', '),
          clinicianName: visit.clinicianName,
          typeName: visit.typeName,
          videoUrl: visit.videoUrl,
          updatedAt: visit.updatedAt,
        }
      : null,
  };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * Every variable the message's kind allows, so a template that passed checkTemplate renders
 * whatever it uses: values written with the message first, then the current facts; a value that
 * cannot be known is empty rather than a failure at send time.
 */
export function messageValues(
  row: Pick<Notification, 'kind' | 'language' | 'payload'>,
  secret: Record<string, unknown>,
  facts: MessageFacts,
  links: LinkConfig,
): Record<string, string> {
  if (!isMessageKind(row.kind)) throw new Error(`Unknown message kind ${row.kind}`);
  const kind: MessageKind = row.kind;
  const language = (row.language === 'hi' ? 'hi' : 'en') satisfies MessageLanguage;
  const base = links.bookingUrl.replace(/\/$/, '');
  const derived: Record<string, string | undefined> = {
    organizationName: facts.organizationName,
    patientName: facts.patientName ?? undefined,
  };
  const visit = facts.visit;
  if (visit) {
    const { date, time } = localDateTimeParts(visit.startsAt, visit.zone, language);
    // The links work until the visit starts: after that, confirming or cancelling means nothing.
    const sign = (action: 'confirm' | 'cancel') =>
      `${base}/r/${signAction({ appointmentId: visit.id, action, expiresAt: visit.startsAt }, links.secret)}`;
    Object.assign(derived, {
      clinicianName: visit.clinicianName,
      centreName: visit.centreName,
      centreAddress: visit.centreAddress,
      date,
      time,
      confirmLink: sign('confirm'),
      cancelLink: sign('cancel'),
      link: `${base}/appointments`,
    });
  }
  // A time that is not a visit (a waitlist offer's freed slot) comes with its zone.
  const slot = text(row.payload.slotStartsAt);
  const slotZone = text(row.payload.zone);
  if (slot && slotZone && !visit) Object.assign(derived, localDateTimeParts(new Date(slot), slotZone, language));
  const previous = text(row.payload.previousStartsAt);
  if (previous && visit) {
    const parts = localDateTimeParts(new Date(previous), visit.zone, language);
    Object.assign(derived, { previousDate: parts.date, previousTime: parts.time });
  }
  if (kind === 'receipt') Object.assign(derived, receiptValues(row.payload, visit, language, base));
  const change = text(row.payload.change);
  if (change === 'booked' || change === 'cancelled' || change === 'rescheduled') {
    derived.change = STAFF_CHANGE_WORDS[language][change];
  }
  const values: Record<string, string> = {};
  for (const name of KIND_VARIABLES[kind].allowed) {
    values[name] = text(secret[name]) ?? text(row.payload[name]) ?? derived[name] ?? '';
  }
  return values;
}

const INVOICE_WORD: Record<MessageLanguage, string> = { en: 'invoice', hi: 'बिल' };

/** A receipt names the day the money came and what it paid for: the invoice, else the visit. */
function receiptValues(
  payload: Record<string, unknown>,
  visit: VisitFacts | null,
  language: MessageLanguage,
  base: string,
): Record<string, string> {
  const values: Record<string, string> = { link: `${base}/payments` };
  const paidAt = text(payload.paidAt);
  const zone = text(payload.zone) ?? visit?.zone;
  if (paidAt && zone) values.date = localDateTimeParts(new Date(paidAt), zone, language).date;
  const invoiceNumber = payload.invoiceNumber;
  if (typeof invoiceNumber === 'number') values.what = `${INVOICE_WORD[language]} ${invoiceNumber}`;
  else if (visit) {
    values.what = `${visit.typeName}, ${localDateTimeParts(visit.startsAt, visit.zone, language).date}`;
  }
  return values;
}
