import type { PatientPrincipal, StaffPrincipal } from '@carelane/auth';
import { auditLog, paymentLinks } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { callerAs, createClinic, createPatient, signedInPatient } from './fixtures';
import { insertVisit, staffOf } from './patient-fixtures';

let t: TestDatabase;
let clinic: Awaited<ReturnType<typeof createClinic>>;
let other: Awaited<ReturnType<typeof createClinic>>;
let desk: StaffPrincipal;
let manager: StaffPrincipal;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  clinic = await createClinic(t.db, 'Portal billing A');
  other = await createClinic(t.db, 'Portal billing B');
  desk = await staffOf(t.db, clinic, 'front_desk');
  manager = await staffOf(t.db, clinic, 'manager');
});
afterAll(() => t.close());

const asPatient = async (patientId: string, organizationId = clinic.org.id) => {
  const principal = (await signedInPatient(t.db, patientId)) as PatientPrincipal;
  return callerAs(t.db, principal, { audience: 'patient', siteOrganizationId: organizationId });
};

async function issued(patientId: string, description: string, unitPriceMinor: number) {
  const draft = await callerAs(t.db, desk).invoices.create({ patientId, lines: [{ description, unitPriceMinor }] });
  const invoice = await callerAs(t.db, desk).invoices.issue({ id: draft.id });
  if (!invoice) throw new Error('not issued');
  return invoice;
}

async function link(
  patientId: string,
  values: Partial<typeof paymentLinks.$inferInsert> & { amountMinor: number },
  organizationId = clinic.org.id,
) {
  const [row] = await t.db
    .insert(paymentLinks)
    .values({
      organizationId,
      patientId,
      gatewayLinkId: `plink_${Math.random().toString(36).slice(2)}`,
      shortUrl: `https://rzp.example/${Math.random().toString(36).slice(2)}`,
      currency: 'INR',
      expiresAt: new Date(Date.now() + 86_400_000),
      ...values,
    })
    .returning();
  if (!row) throw new Error('no link');
  return row;
}

describe('portal.billing', () => {
  it("shows the patient's issued invoices, payments and open links, never drafts or anyone else's", async () => {
    const a = await createPatient(t.db, clinic.org.id);
    const b = await createPatient(t.db, clinic.org.id);
    const elsewhere = await createPatient(t.db, other.org.id, a.phone ?? undefined);

    const invoice = await issued(a.id, 'Scaling', 300_000);
    const paid = await callerAs(t.db, desk).invoices.recordPayment({
      invoiceId: invoice.id,
      method: 'cash',
      amountMinor: 100_000,
    });
    await callerAs(t.db, manager).invoices.refund({ paymentId: paid.id, amountMinor: 20_000, reason: 'Overcharged' });
    await callerAs(t.db, desk).invoices.create({
      patientId: a.id,
      lines: [{ description: 'Draft', unitPriceMinor: 1 }],
    });
    await issued(b.id, 'Crown for B', 900_000);
    await link(elsewhere.id, { amountMinor: 5_000 }, other.org.id);

    const visit = await insertVisit(t.db, clinic, a.id, 3, 'confirmed');
    const open = await link(a.id, { amountMinor: 200_000, invoiceId: invoice.id });
    const forVisit = await link(a.id, { amountMinor: 50_000, appointmentId: visit.id });
    await link(a.id, { amountMinor: 200_000, invoiceId: invoice.id, expiresAt: new Date(Date.now() - 60_000) });
    await link(a.id, { amountMinor: 200_000, invoiceId: invoice.id, status: 'paid', paidAt: new Date() });
    await link(b.id, { amountMinor: 900_000 });

    const mine = await (await asPatient(a.id)).portal.billing();
    expect(mine.currency).toBe('INR');
    // 3,000 - 1,000 paid + 200 refunded.
    expect(mine.balanceMinor).toBe(220_000);
    expect(mine.invoices).toEqual([
      {
        id: invoice.id,
        number: invoice.number,
        issuedOn: invoice.issuedOn,
        currency: 'INR',
        totalMinor: 300_000,
        paidMinor: 100_000,
        refundedMinor: 20_000,
        balanceMinor: 220_000,
        status: 'partly_paid',
        lines: [{ description: 'Scaling', quantity: 1, totalMinor: 300_000 }],
      },
    ]);
    expect(mine.payments).toHaveLength(1);
    expect(mine.payments[0]).toMatchObject({
      id: paid.id,
      method: 'cash',
      amountMinor: 100_000,
      invoiceNumber: invoice.number,
      forLabel: `Invoice ${invoice.number}`,
      appointmentStartsAt: null,
      refunds: [{ amountMinor: 20_000, status: 'processed' }],
    });
    // Newest first; the expired, the paid, and other patients' links are left out.
    expect(mine.openLinks.map((l) => l.id)).toEqual([forVisit.id, open.id]);
    const day = new Intl.DateTimeFormat('en-IN', { day: 'numeric', month: 'short', timeZone: 'Asia/Kolkata' });
    expect(mine.openLinks[0]?.forLabel).toBe(`Consultation on ${day.format(visit.startsAt)}`);
    expect(mine.openLinks[1]).toMatchObject({ forLabel: `Invoice ${invoice.number}`, amountMinor: 200_000 });

    const read = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'patient.billing.read'), eq(auditLog.entityId, a.id)));
    expect(read).toHaveLength(1);
    expect(read[0]).toMatchObject({ actorKind: 'patient', actorId: a.id, organizationId: clinic.org.id });

    // The same phone at another clinic sees that clinic's rows only.
    const there = await (await asPatient(elsewhere.id, other.org.id)).portal.billing();
    expect(there.invoices).toEqual([]);
    expect(there.payments).toEqual([]);
    expect(there.openLinks.map((l) => l.amountMinor)).toEqual([5_000]);
  });

  it('stops offering a link once its invoice is paid at the desk, and shows a new patient nothing', async () => {
    const patient = await createPatient(t.db, clinic.org.id);
    const invoice = await issued(patient.id, 'Filling', 150_000);
    await link(patient.id, { amountMinor: 150_000, invoiceId: invoice.id });
    expect((await (await asPatient(patient.id)).portal.billing()).openLinks).toHaveLength(1);
    await callerAs(t.db, desk).invoices.recordPayment({ invoiceId: invoice.id, method: 'upi', amountMinor: 150_000 });
    const after = await (await asPatient(patient.id)).portal.billing();
    expect(after.openLinks).toEqual([]);
    expect(after.balanceMinor).toBe(0);
    expect(after.invoices[0]?.status).toBe('paid');

    const fresh = await createPatient(t.db, clinic.org.id);
    expect(await (await asPatient(fresh.id)).portal.billing()).toEqual({
      currency: 'INR',
      zone: 'Asia/Kolkata',
      balanceMinor: 0,
      invoices: [],
      payments: [],
      openLinks: [],
    });
  });

  it('is for signed-in patients only', async () => {
    const anonymous = callerAs(t.db, { kind: 'anonymous' }, { audience: 'patient', siteOrganizationId: clinic.org.id });
    await expect(anonymous.portal.billing()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(callerAs(t.db, desk).portal.billing()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
