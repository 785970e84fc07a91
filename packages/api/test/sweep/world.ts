import { randomBytes } from 'node:crypto';
import { createPatientSession, type StaffPrincipal } from '@carelane/auth';
import { addLocalDays, DEFAULT_QUESTIONNAIRES, DEFAULT_TEMPLATES, localDate } from '@carelane/core';
import {
  clinicianProfiles,
  type Database,
  files,
  formRequests,
  formSubmissions,
  gatewayOrders,
  patientImports,
  patients,
  paymentLinks,
  payments,
  slotHolds,
  waitlistOffers,
} from '@carelane/db';
import { eq } from 'drizzle-orm';
import { signAction } from '../../src/messaging/confirm-link';
import {
  addDailyHours,
  callerAs,
  createClinic,
  createPatient,
  createStaff,
  indiaTime,
  SECRET,
  signedInStaff,
} from '../fixtures';
import { insertVisit } from '../patient-fixtures';

/** One organization with rows of every kind, and the sessions of its admin and of a patient. */
export type Clinic = {
  organizationId: string;
  adminSessionId: string;
  patientSessionId: string;
  /** Identifiers of the clinic that are not UUIDs: a clinician's public slug, a reminder's link token. */
  clinicianSlug: string;
  confirmToken: string;
};

const DAY = 86_400_000;
const today = () => localDate(new Date(), 'Asia/Kolkata');

/**
 * Builds a clinic the way its staff would (through its own admin's procedures), writing directly
 * only what comes from elsewhere: a patient's hold and submitted form, a worker's offer, an upload,
 * the payment gateway's order and link.
 */
export async function buildClinic(db: Database, name: string): Promise<Clinic> {
  const clinic = await createClinic(db, name);
  const { org, centre, clinician, type, patient } = clinic;
  const organizationId = org.id;
  await addDailyHours(db, clinic);
  const adminUser = await createStaff(db, organizationId, centre.id, 'admin');
  const signedIn = await signedInStaff(db, adminUser.id);
  const admin = callerAs(db, signedIn.principal as StaffPrincipal);
  const partner = await createPatient(db, organizationId);
  await createPatient(db, organizationId);
  // A form link asks the patient to confirm their date of birth.
  await db.update(patients).set({ birthDate: '1990-01-01' }).where(eq(patients.organizationId, organizationId));

  await admin.households.link({ patientId: patient.id, relatedPatientId: partner.id, relationship: 'spouse' });
  await admin.availability.addException({
    kind: 'time_off',
    clinicianId: clinician.id,
    centreId: centre.id,
    startsAt: indiaTime(40, 9),
    endsAt: indiaTime(40, 13),
    reason: 'Conference',
  });
  const visit = { centreId: centre.id, clinicianId: clinician.id, patientId: patient.id, typeId: type.id };
  // Inputs take a clinic's rows of a kind oldest first: the first visit and treatment stay
  // unbilled (B's can be billed in the sweep), the second treatment is in a plan (and can leave it).
  const past = await insertVisit(db, clinic, patient.id, -2);
  const billedVisit = await insertVisit(db, clinic, patient.id, -3);
  const booked = await admin.appointments.create({ ...visit, startsAt: indiaTime(3, 10) });
  await admin.appointments.createRecurring({
    ...visit,
    startsAt: indiaTime(4, 11),
    everyWeeks: 1,
    count: 2,
    action: 'book',
  });

  await admin.clinicalNotes.create({ patientId: patient.id, appointmentId: past.id, body: 'Seen for a check-up.' });
  const procedure = await admin.procedures.save({ name: 'Scaling', priceMinor: 90_000, perTooth: false });
  const treatment = { patientId: patient.id, procedureId: procedure.id };
  await admin.treatments.create({ ...treatment, status: 'done' });
  const planned = await admin.treatments.create(treatment);
  const done = await admin.treatments.create({ ...treatment, status: 'done' });
  await admin.treatmentPlans.create({ patientId: patient.id, name: 'Cleaning', treatmentIds: [planned.id] });

  const draft = await admin.invoices.create({ patientId: patient.id, lines: [{ treatmentId: done.id }] });
  await admin.invoices.issue({ id: draft.id });
  await admin.invoices.create({ patientId: patient.id, lines: [{ appointmentId: billedVisit.id }] });
  await admin.invoices.recordPayment({ invoiceId: draft.id, method: 'cash', amountMinor: 50_000 });
  const [payment] = await db.select().from(payments).where(eq(payments.invoiceId, draft.id));
  if (!payment) throw new Error('no payment');
  await admin.invoices.refund({ paymentId: payment.id, amountMinor: 10_000, reason: 'Charged twice' });

  await admin.forms.publish({ baseVersion: null, questions: DEFAULT_QUESTIONNAIRES.general.questions });
  await admin.forms.createLink({ patientId: patient.id, sendVia: 'sms' });
  const answered = await admin.forms.createLink({ patientId: partner.id });
  const [request] = await db.select().from(formRequests).where(eq(formRequests.id, answered.id));
  const entry = await admin.waitlist.add({
    patientId: partner.id,
    clinicianId: clinician.id,
    typeId: type.id,
    fromDate: addLocalDays(today(), 20),
    toDate: addLocalDays(today(), 27),
  });
  const reminder = `${DEFAULT_TEMPLATES.en.reminder.sms.body} See you soon.`;
  await admin.messageTemplates.save({ kind: 'reminder', channel: 'sms', language: 'en', body: reminder });

  const token = randomBytes(6).toString('hex');
  const [signature] = await db
    .insert(files)
    .values({
      organizationId,
      purpose: 'signature',
      storageKey: `signatures/${token}.png`,
      contentType: 'image/png',
      size: 10,
      sha256: 'a'.repeat(64),
    })
    .returning();
  await db.insert(formSubmissions).values({
    organizationId,
    patientId: partner.id,
    requestId: answered.id,
    questionnaireVersionId: request?.questionnaireVersionId ?? '',
    version: 1,
    answers: [{ id: 'allergies', label: 'Allergies?', answer: 'None' }],
    signatureFileId: signature?.id ?? '',
    confirmedBirthDate: '1990-01-01',
  });
  await db.insert(waitlistOffers).values({
    organizationId,
    entryId: entry.id,
    centreId: centre.id,
    clinicianId: clinician.id,
    startsAt: indiaTime(21, 15),
    expiresAt: new Date(Date.now() + DAY),
  });
  await db.insert(slotHolds).values({
    ...visit,
    organizationId,
    startsAt: indiaTime(5, 14),
    endsAt: indiaTime(5, 14, 30),
    expiresAt: new Date(Date.now() + DAY),
  });
  await db.insert(patientImports).values({
    organizationId,
    createdById: adminUser.id,
    fileName: 'patients.csv',
    format: 'csv',
    fileBytes: 100,
  });
  const gateway = { organizationId, patientId: patient.id, invoiceId: draft.id, amountMinor: 40_000, currency: 'INR' };
  await db.insert(gatewayOrders).values({ ...gateway, gatewayOrderId: `order_${token}` });
  await db
    .insert(paymentLinks)
    .values({ ...gateway, gatewayLinkId: `plink_${token}`, shortUrl: `https://rzp.io/i/${token}` });

  const [profile] = await db.select().from(clinicianProfiles).where(eq(clinicianProfiles.staffUserId, clinician.id));
  return {
    organizationId,
    adminSessionId: signedIn.sessionId,
    patientSessionId: await createPatientSession(db, patient.id, { ip: '127.0.0.1' }),
    clinicianSlug: profile?.slug ?? '',
    confirmToken: signAction(
      { appointmentId: booked.id, action: 'confirm', expiresAt: new Date(Date.now() + DAY) },
      SECRET,
    ),
  };
}
