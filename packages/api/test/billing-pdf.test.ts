import { auditLog, invoiceLines, invoices, payments, refunds } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type InvoicePdfInput, renderInvoicePdf } from '../src/files/invoice-pdf';
import {
  createInvoicePdfHandler,
  createPatientInvoicePdfHandler,
  createPatientReceiptPdfHandler,
  createReceiptPdfHandler,
} from '../src/http/billing-pdf';
import { createClinic, createPatient, createStaff, deps, sessionCookie, signedInStaff } from './fixtures';
import { pdfPages } from './pdf-text';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
});
afterAll(async () => {
  await t.close();
});

const flat = (pages: string[]) => pages.map((p) => p.replace(/\s+/g, ' '));

function invoice(lineCount: number, overrides: Partial<InvoicePdfInput> = {}): InvoicePdfInput {
  const lines = Array.from({ length: lineCount }, (_, i) => ({
    description: `Consultation ${i + 1}`,
    quantity: 1,
    unitPriceMinor: 50_000,
    discountMinor: 0,
    taxMinor: 9_000,
    totalMinor: 59_000,
  }));
  return {
    clinic: { name: 'Sunrise Health Clinics', logo: null, address: '1 MG Road, Bengaluru' },
    number: 1042,
    status: 'issued',
    issuedAt: new Date('2026-11-21T20:00:00Z'),
    createdAt: new Date('2026-11-21T20:00:00Z'),
    voidReason: null,
    zone: 'Asia/Kolkata',
    currency: 'INR',
    patient: { name: 'अर्जुन शर्मा', mrn: 'SH-000001' },
    lines,
    subtotalMinor: 50_000 * lineCount,
    discountMinor: 0,
    taxMinor: 9_000 * lineCount,
    totalMinor: 59_000 * lineCount,
    paidMinor: 0,
    refundedMinor: 0,
    balanceMinor: 59_000 * lineCount,
    notes: null,
    ...overrides,
  };
}

describe('an invoice as PDF', () => {
  it('has the number, the rupee sign, the Hindi name and the issue day in the clinic zone in its text layer', async () => {
    const pdf = await renderInvoicePdf(invoice(2));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const [page, ...rest] = flat(await pdfPages(pdf));
    expect(rest).toHaveLength(0);
    for (const expected of ['Invoice 1042', '₹590', '₹1,180', '(SH-000001)', '22 November 2026']) {
      expect(page, expected).toContain(expected);
    }
    // Shaped Devanagari copies out in glyph (visual) order, so check its letters, not the spelling.
    expect(page).toMatch(/Patient: अ\S*ज\S* श\S*म/);
  });

  it('continues a 60-line invoice on a second page with the table header repeated', async () => {
    const pages = flat(await pdfPages(await renderInvoicePdf(invoice(60))));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const second = pages[1] ?? '';
    expect(second).toContain('Invoice 1042 (continued)');
    expect(second).toMatch(/Description Qty Unit price Discount Tax Amount/);
    expect(pages.at(-1)).toContain('Balance due');
    expect(pages.join(' ')).toContain('Consultation 60');
  });

  it('says DRAFT or VOID prominently', async () => {
    const draft = flat(
      await pdfPages(await renderInvoicePdf(invoice(1, { number: null, status: 'draft', issuedAt: null }))),
    );
    expect(draft[0]).toContain('DRAFT');
    const voided = flat(
      await pdfPages(await renderInvoicePdf(invoice(1, { status: 'void', voidReason: 'Billed twice' }))),
    );
    expect(voided[0]).toContain('VOID: Billed twice');
  });
});

type Clinic = Awaited<ReturnType<typeof createClinic>>;

let nextNumber = 7;

/** An invoice of one ₹590 line for `patientId`, issued (numbered 7, 8, ...) unless `draft`. */
async function storedInvoice(clinic: Clinic, patientId: string, draft = false) {
  const [row] = await t.db
    .insert(invoices)
    .values({
      organizationId: clinic.org.id,
      centreId: clinic.centre.id,
      patientId,
      currency: 'INR',
      status: draft ? 'draft' : 'issued',
      number: draft ? null : nextNumber++,
      issuedAt: draft ? null : new Date(),
      subtotalMinor: 50_000,
      taxMinor: 9_000,
      totalMinor: 59_000,
    })
    .returning();
  if (!row) throw new Error('no invoice');
  await t.db.insert(invoiceLines).values({
    organizationId: clinic.org.id,
    invoiceId: row.id,
    position: 1,
    kind: 'other',
    description: 'Consultation',
    unitPriceMinor: 50_000,
    taxMinor: 9_000,
    totalMinor: 59_000,
  });
  return row.id;
}

const staffCookie = async (clinic: Clinic) => {
  const staff = await createStaff(t.db, clinic.org.id, clinic.centre.id, 'front_desk');
  return sessionCookie((await signedInStaff(t.db, staff.id)).sessionId);
};
const request = (path: string, cookie: string) => new Request(`http://localhost${path}`, { headers: { cookie } });
const params = (id: string) => ({ params: Promise.resolve({ id }) });

describe('invoice PDF routes', () => {
  it('the dashboard serves it to the front desk, audited; another clinic gets 404, signed out 401', async () => {
    const clinic = await createClinic(t.db, 'Route clinic');
    const other = await createClinic(t.db, 'Other route clinic');
    const id = await storedInvoice(clinic, clinic.patient.id);
    const get = (cookie: string, invoiceId = id) =>
      createInvoicePdfHandler(async () => deps(t.db))(
        request(`/api/invoices/${invoiceId}/pdf`, cookie),
        params(invoiceId),
      );

    const response = await get(await staffCookie(clinic));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="invoice-7.pdf"');
    const pages = flat(await pdfPages(Buffer.from(await response.arrayBuffer())));
    expect(pages[0]).toContain('Invoice 7');
    expect(pages[0]).toContain('1 MG Road, Bengaluru');
    const reads = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'invoice.pdf')));
    expect(reads).toHaveLength(1);

    expect((await get(await staffCookie(other))).status).toBe(404);
    expect((await get(await staffCookie(clinic), 'not-an-id')).status).toBe(404);
    expect((await get('')).status).toBe(401);
  });

  it('the booking site gives a patient their own issued invoices only', async () => {
    const clinic = await createClinic(t.db, 'Patient route clinic');
    const someoneElse = await createPatient(t.db, clinic.org.id);
    const mine = await storedInvoice(clinic, clinic.patient.id);
    const draft = await storedInvoice(clinic, clinic.patient.id, true);
    const theirs = await storedInvoice(clinic, someoneElse.id);
    const { createPatientSession } = await import('@carelane/auth');
    const cookie = await sessionCookie(
      await createPatientSession(t.db, clinic.patient.id, { ip: '127.0.0.1' }),
      'patient',
    );
    const get = (invoiceId: string, c = cookie) =>
      createPatientInvoicePdfHandler(async () => deps(t.db, { audience: 'patient' }))(
        request(`/api/invoices/${invoiceId}/pdf`, c),
        params(invoiceId),
      );
    expect((await get(mine)).status).toBe(200);
    expect((await get(theirs)).status).toBe(404);
    expect((await get(draft)).status).toBe(404);
    expect((await get(mine, '')).status).toBe(401);
  });
});

describe('receipt PDF routes', () => {
  it("a receipt says what was paid, for which invoice, the balance after and its refunds; patient B cannot get A's", async () => {
    const clinic = await createClinic(t.db, 'Receipt clinic');
    const other = await createClinic(t.db, 'Other receipt clinic');
    const patientB = await createPatient(t.db, clinic.org.id);
    const invoiceId = await storedInvoice(clinic, clinic.patient.id);
    const [number] = await t.db.select({ n: invoices.number }).from(invoices).where(eq(invoices.id, invoiceId));
    const [payment] = await t.db
      .insert(payments)
      .values({
        organizationId: clinic.org.id,
        patientId: clinic.patient.id,
        invoiceId,
        method: 'upi',
        amountMinor: 20_000,
        creditedMinor: 20_000,
        currency: 'INR',
        status: 'captured',
        reference: 'UPI-REF-1',
      })
      .returning();
    if (!payment) throw new Error('no payment');
    await t.db.insert(refunds).values({
      organizationId: clinic.org.id,
      paymentId: payment.id,
      amountMinor: 5_000,
      currency: 'INR',
      status: 'processed',
      reason: 'Overcharged',
    });
    const staffGet = (cookie: string) =>
      createReceiptPdfHandler(async () => deps(t.db))(
        request(`/api/payments/${payment.id}/receipt`, cookie),
        params(payment.id),
      );
    const response = await staffGet(await staffCookie(clinic));
    expect(response.status).toBe(200);
    const [page] = flat(await pdfPages(Buffer.from(await response.arrayBuffer())));
    for (const expected of [
      'Receipt',
      '₹200',
      'UPI',
      'UPI-REF-1',
      `Invoice ${number?.n}`,
      '₹390',
      '₹50',
      'Overcharged',
    ]) {
      expect(page, expected).toContain(expected);
    }
    const reads = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, payment.id), eq(auditLog.action, 'payment.receipt')));
    expect(reads).toHaveLength(1);
    expect((await staffGet(await staffCookie(other))).status).toBe(404);

    const { createPatientSession } = await import('@carelane/auth');
    const patientGet = async (patientId: string) =>
      createPatientReceiptPdfHandler(async () => deps(t.db, { audience: 'patient' }))(
        request(
          `/api/receipts/${payment.id}`,
          await sessionCookie(await createPatientSession(t.db, patientId, { ip: '127.0.0.1' }), 'patient'),
        ),
        params(payment.id),
      );
    expect((await patientGet(clinic.patient.id)).status).toBe(200);
    expect((await patientGet(patientB.id)).status).toBe(404);
  });
});
