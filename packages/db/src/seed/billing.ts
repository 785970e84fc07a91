import type { Faker } from '@faker-js/faker';
import type { DbOrTx } from '../client';
import {
  type appointments,
  invoiceLines,
  invoiceSequences,
  invoices,
  payments,
  procedures,
  refunds,
  treatmentPlans,
  treatments,
} from '../schema';
import { CURRENCY, inChunks, weighted, ZONE } from './helpers';
import type { BuiltOrganization } from './organization';

type AppointmentRow = typeof appointments.$inferInsert;

/** [name, code, rupees, GST %, per tooth]. Clinical care is GST-exempt in India; cosmetic work is not. */
const DENTAL: [string, string, number, number, boolean][] = [
  ['Composite filling', 'D-CF', 1_800, 0, true],
  ['Root canal treatment', 'D-RCT', 6_500, 0, true],
  ['Zirconia crown', 'D-CRN', 12_000, 0, true],
  ['Extraction', 'D-EXT', 1_200, 0, true],
  ['Intraoral X-ray (IOPA)', 'D-XR', 300, 0, true],
  ['Scaling & polishing (per arch)', 'D-SCL', 900, 0, false],
  ['Teeth whitening', 'D-WHT', 8_000, 18, false],
];
const GENERAL: [string, string, number, number, boolean][] = [
  ['ECG', 'G-ECG', 500, 0, false],
  ['Random blood sugar test', 'G-RBS', 150, 0, false],
  ['Wound dressing', 'G-DRS', 300, 0, false],
  ['Nebulisation', 'G-NEB', 250, 0, false],
];

function procedureRows(faker: Faker, org: BuiltOrganization, list: [string, string, number, number, boolean][]) {
  return list.map(([name, code, rupees, gst, perTooth]) => ({
    id: faker.string.uuid(),
    organizationId: org.id,
    name,
    code,
    priceMinor: rupees * 100,
    currency: CURRENCY,
    taxRateBasisPoints: gst * 100,
    perTooth,
  }));
}

/**
 * Money that matches the visits: each paid or part-paid visit has its payment (at the desk, or
 * online for bookings made on the site), refunded prepayments of cancelled visits their refund;
 * the demo patient has dental treatments, a proposed plan, and an issued invoice part paid in cash.
 */
export function buildBilling(
  faker: Faker,
  input: {
    sunrise: BuiltOrganization;
    lakeside: BuiltOrganization;
    appointments: AppointmentRow[];
    demoPatientId: string;
  },
) {
  const { sunrise, lakeside } = input;
  const procedureList = [
    ...procedureRows(faker, sunrise, [...DENTAL, ...GENERAL]),
    ...procedureRows(faker, lakeside, DENTAL),
  ];
  const demo = demoPatientBilling(faker, input, procedureList);
  const paymentRows: (typeof payments.$inferInsert)[] = [...demo.demoPayments];
  const refundRows: (typeof refunds.$inferInsert)[] = [];
  for (const visit of input.appointments) {
    // The demo patient's check-up is paid through its invoice.
    if (!visit.id || visit.id === demo.checkUpId) continue;
    const online = visit.source === 'booking_site';
    const receivedAt = visit.status === 'completed' ? visit.endsAt : (visit.createdAt ?? visit.startsAt);
    const amountMinor = visit.paymentStatus === 'partly_paid' ? Math.round(visit.feeMinor / 2) : visit.feeMinor;
    if (!['paid', 'partly_paid', 'refunded'].includes(visit.paymentStatus ?? '') || amountMinor <= 0) continue;
    const id = faker.string.uuid();
    const method = online
      ? 'razorpay'
      : weighted(faker, [
          ['cash', 45],
          ['upi', 40],
          ['card', 15],
        ] as const);
    const refunded = visit.paymentStatus === 'refunded';
    paymentRows.push({
      id,
      organizationId: visit.organizationId,
      patientId: visit.patientId,
      appointmentId: visit.id,
      method: refunded ? 'razorpay' : method,
      amountMinor,
      creditedMinor: refunded ? 0 : amountMinor,
      currency: CURRENCY,
      status: refunded ? 'refunded' : 'captured',
      gatewayPaymentId: refunded || method === 'razorpay' ? `pay_demo${id.replace(/-/g, '').slice(0, 14)}` : null,
      reference:
        method === 'card' ? `**** ${faker.string.numeric(4)}` : method === 'upi' ? faker.string.numeric(12) : null,
      receivedAt,
      createdAt: receivedAt,
    });
    if (refunded) {
      refundRows.push({
        organizationId: visit.organizationId,
        paymentId: id,
        amountMinor,
        currency: CURRENCY,
        status: 'processed',
        gatewayRefundId: `rfnd_demo${id.replace(/-/g, '').slice(0, 14)}`,
        reason: 'Appointment cancelled',
        processedAt: visit.cancelledAt ?? receivedAt,
      });
    }
  }
  return { procedureList, paymentRows, refundRows, ...demo };
}

/** Arjun's dental story: a filling done at his check-up, billed and part paid; a root canal and crown planned. */
function demoPatientBilling(
  faker: Faker,
  input: { sunrise: BuiltOrganization; appointments: AppointmentRow[]; demoPatientId: string },
  procedureList: { id: string; organizationId: string; name: string; priceMinor: number }[],
) {
  const { sunrise, demoPatientId } = input;
  const price = (name: string) => {
    const found = procedureList.find((p) => p.organizationId === sunrise.id && p.name === name);
    if (!found) throw new Error(`seed: no procedure ${name}`);
    return found;
  };
  const dentalCheck = sunrise.types.find((t) => t.key === 'dentalCheck');
  const checkUp = input.appointments.find(
    (a) => a.patientId === demoPatientId && a.typeId === dentalCheck?.id && a.status === 'completed',
  );
  if (!checkUp?.id) throw new Error('seed: the demo patient has no dental check-up');
  const checkUpId = checkUp.id;
  checkUp.paymentStatus = 'partly_paid';
  const dentist = checkUp.clinicianId;
  const performedOn = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(checkUp.startsAt);
  const planId = faker.string.uuid();
  const filling = price('Composite filling');
  const rct = price('Root canal treatment');
  const crown = price('Zirconia crown');
  const fillingId = faker.string.uuid();
  const treatmentRows = [
    { id: fillingId, procedure: filling, tooth: 30, status: 'done', planId: null, appointmentId: checkUpId },
    { id: faker.string.uuid(), procedure: rct, tooth: 3, status: 'planned', planId, appointmentId: null },
    { id: faker.string.uuid(), procedure: crown, tooth: 3, status: 'planned', planId, appointmentId: null },
  ].map((t) => ({
    id: t.id,
    organizationId: sunrise.id,
    patientId: demoPatientId,
    planId: t.planId,
    procedureId: t.procedure.id,
    appointmentId: t.appointmentId,
    tooth: t.tooth,
    description: t.procedure.name,
    priceMinor: t.procedure.priceMinor,
    currency: CURRENCY,
    status: t.status as 'done' | 'planned',
    performedOn: t.status === 'done' ? performedOn : null,
    createdById: dentist,
    createdAt: checkUp.startsAt,
  }));
  const planRows = [
    {
      id: planId,
      organizationId: sunrise.id,
      patientId: demoPatientId,
      name: 'Upper right first molar: root canal and crown',
      createdById: dentist,
      createdAt: checkUp.startsAt,
    },
  ];
  const invoiceId = faker.string.uuid();
  const visitFee = checkUp.feeMinor;
  const total = visitFee + filling.priceMinor;
  const paid = 100_000;
  const invoiceRows = [
    {
      id: invoiceId,
      organizationId: sunrise.id,
      centreId: checkUp.centreId,
      patientId: demoPatientId,
      number: 1,
      status: 'issued' as const,
      currency: CURRENCY,
      subtotalMinor: total,
      totalMinor: total,
      paidMinor: paid,
      issuedOn: performedOn,
      issuedAt: checkUp.endsAt,
      createdAt: checkUp.endsAt,
    },
  ];
  const lineRows = [
    {
      kind: 'appointment' as const,
      description: `Dental check-up on ${performedOn}`,
      amount: visitFee,
      appointmentId: checkUpId,
      treatmentId: null,
    },
    {
      kind: 'treatment' as const,
      description: 'Composite filling (tooth 30)',
      amount: filling.priceMinor,
      appointmentId: null,
      treatmentId: fillingId,
    },
  ].map((line, i) => ({
    organizationId: sunrise.id,
    invoiceId,
    position: i + 1,
    kind: line.kind,
    description: line.description,
    unitPriceMinor: line.amount,
    totalMinor: line.amount,
    appointmentId: line.appointmentId,
    treatmentId: line.treatmentId,
  }));
  const deskPayment = {
    organizationId: sunrise.id,
    patientId: demoPatientId,
    invoiceId,
    method: 'cash' as const,
    amountMinor: paid,
    creditedMinor: paid,
    currency: CURRENCY,
    status: 'captured',
    receivedAt: checkUp.endsAt,
    recordedById: sunrise.staffIds.get('frontDesk') ?? null,
    createdAt: checkUp.endsAt,
  };
  return {
    checkUpId,
    planRows,
    treatmentRows,
    invoiceRows,
    lineRows,
    demoPayments: [deskPayment],
    sequenceRows: [{ organizationId: sunrise.id, lastNumber: 1 }],
  };
}

/** Inserts the billing rows in foreign-key order. */
export async function insertBilling(tx: DbOrTx, billing: ReturnType<typeof buildBilling>) {
  await inChunks(billing.procedureList, (chunk) => tx.insert(procedures).values(chunk));
  await tx.insert(treatmentPlans).values(billing.planRows);
  await tx.insert(treatments).values(billing.treatmentRows);
  await tx.insert(invoices).values(billing.invoiceRows);
  await tx.insert(invoiceLines).values(billing.lineRows);
  await tx.insert(invoiceSequences).values(billing.sequenceRows);
  await inChunks(billing.paymentRows, (chunk) => tx.insert(payments).values(chunk));
  await inChunks(billing.refundRows, (chunk) => tx.insert(refunds).values(chunk));
}
