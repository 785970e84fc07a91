import type { StaffPrincipal } from '@carelane/auth';
import { auditLog, organizations, staffUsers } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { TRPCError } from '@trpc/server';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { zodDetails } from '../src/errors';
import { createInvoicePdfHandler } from '../src/http/billing-pdf';
import { callerAs, createClinic, createStaff, deps, sessionCookie, signedInStaff } from './fixtures';
import { staffOf } from './patient-fixtures';
import { pdfPages } from './pdf-text';

let t: TestDatabase;
let a: Awaited<ReturnType<typeof createClinic>>;
let b: Awaited<ReturnType<typeof createClinic>>;
let adminA: StaffPrincipal;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  a = await createClinic(t.db, 'Details A');
  b = await createClinic(t.db, 'Details B');
  adminA = await staffOf(t.db, a, 'admin');
});
afterAll(() => t.close());

const failure = async (run: () => Promise<unknown>) => {
  const error = await run().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
};
const base = { name: 'Details A', zone: 'Asia/Kolkata' };
const SLUG_TAKEN = 'Another clinic already uses this booking-site address.';
const TWO_FACTOR_FIRST =
  'Turn on two-factor sign-in for your own account first (Account → Two-factor sign-in), so requiring it cannot lock you out.';
async function orgRow(id: string) {
  const [row] = await t.db.select().from(organizations).where(eq(organizations.id, id));
  if (!row) throw new Error('no organization');
  return row;
}

describe('organization.update: address, contact, invoices, booking site, security', () => {
  it('saves every field normalised, shows it in settings, and audits the changes', async () => {
    const saved = await callerAs(t.db, adminA).organization.update({
      ...base,
      addressLine: ' 12 Linking Road ',
      city: 'Mumbai',
      postalCode: '400050',
      phone: '022 2640 1234',
      email: 'Front@Clinic.Example',
      taxId: ' 27aapfu0939f1zv ',
      currency: 'usd',
      slug: 'Details-A-Clinic',
      onlineBooking: 'existing_patients',
    });
    expect(saved).toMatchObject({
      addressLine: '12 Linking Road',
      city: 'Mumbai',
      postalCode: '400050',
      phone: '+912226401234',
      email: 'front@clinic.example',
      taxId: '27AAPFU0939F1ZV',
      currency: 'USD',
      slug: 'details-a-clinic',
      onlineBooking: 'existing_patients',
      requireAdminTwoFactor: false,
      callerHasTwoFactor: false,
    });
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, a.org.id), eq(auditLog.action, 'organization.update')));
    expect(entry?.changes).toMatchObject({
      taxId: { from: null, to: '27AAPFU0939F1ZV' },
      currency: { from: 'INR', to: 'USD' },
      onlineBooking: { from: 'anyone', to: 'existing_patients' },
    });
    expect(Object.keys(entry?.changes ?? {})).not.toContain('name');

    // Fields left out stay; empty ones are cleared.
    const cleared = await callerAs(t.db, adminA).organization.update({ ...base, email: '', currency: 'INR' });
    expect(cleared).toMatchObject({ email: null, currency: 'INR', taxId: '27AAPFU0939F1ZV', city: 'Mumbai' });
  });

  it('refuses a bad GSTIN, phone, email, currency or slug by field, changing nothing', async () => {
    const before = await orgRow(a.org.id);
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ taxId: '27AAPFU0939F1ZW' }, 'taxId', /last character/],
      [{ taxId: '12345' }, 'taxId', /15 characters/],
      [{ phone: '12' }, 'phone', /phone number/],
      [{ email: 'not-an-email' }, 'email', /email/],
      [{ currency: 'XYZ' }, 'currency', /ISO currency/],
      [{ slug: 'my clinic!' }, 'slug', /lowercase/],
      [{ onlineBooking: 'sometimes' }, 'onlineBooking', /who may book/],
    ];
    for (const [fields, field, message] of cases) {
      const error = await failure(() =>
        callerAs(t.db, adminA).organization.update({ ...base, ...fields } as Parameters<
          ReturnType<typeof callerAs>['organization']['update']
        >[0]),
      );
      expect(error.code, field).toBe('BAD_REQUEST');
      const details = zodDetails(error.cause);
      expect(details.map((d) => d.field)).toEqual([field]);
      expect(details[0]?.message).toMatch(message);
    }
    expect(await orgRow(a.org.id)).toMatchObject({ taxId: before.taxId, updatedAt: before.updatedAt });
  });

  it('refuses a booking-site address another clinic uses with CONFLICT', async () => {
    const error = await failure(() =>
      callerAs(t.db, adminA).organization.update({ ...base, slug: b.org.slug.toUpperCase() }),
    );
    expect(error).toMatchObject({ code: 'CONFLICT', message: SLUG_TAKEN });
    expect((await orgRow(a.org.id)).slug).toBe('details-a-clinic');
    // Keeping one's own address is no conflict.
    await expect(
      callerAs(t.db, adminA).organization.update({ ...base, slug: 'details-a-clinic' }),
    ).resolves.toMatchObject({ slug: 'details-a-clinic' });
  });

  it('requires admin two-factor only from an admin who has it on', async () => {
    const error = await failure(() =>
      callerAs(t.db, adminA).organization.update({ ...base, requireAdminTwoFactor: true }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(zodDetails(error.cause)).toEqual([{ field: 'requireAdminTwoFactor', message: TWO_FACTOR_FIRST }]);
    expect((await orgRow(a.org.id)).requireAdminTwoFactor).toBe(false);

    await t.db.update(staffUsers).set({ twoFactorEnabledAt: new Date() }).where(eq(staffUsers.id, adminA.userId));
    const saved = await callerAs(t.db, adminA).organization.update({ ...base, requireAdminTwoFactor: true });
    expect(saved).toMatchObject({ requireAdminTwoFactor: true, callerHasTwoFactor: true });
    // Turning it off needs nothing.
    await t.db.update(staffUsers).set({ twoFactorEnabledAt: null }).where(eq(staffUsers.id, adminA.userId));
    await expect(
      callerAs(t.db, adminA).organization.update({ ...base, requireAdminTwoFactor: false }),
    ).resolves.toMatchObject({ requireAdminTwoFactor: false });
  });

  it('is FORBIDDEN to front desk and managers, and never touches another organization', async () => {
    for (const role of ['front_desk', 'manager'] as const) {
      const staff = await staffOf(t.db, a, role);
      const error = await failure(() => callerAs(t.db, staff).organization.update({ ...base, taxId: null }));
      expect(error.code, role).toBe('FORBIDDEN');
    }
    const adminB = await staffOf(t.db, b, 'admin');
    await callerAs(t.db, adminB).organization.update({ name: 'Details B', zone: 'Asia/Kolkata', city: 'Pune' });
    expect((await orgRow(a.org.id)).city).toBe('Mumbai');
    expect((await orgRow(b.org.id)).city).toBe('Pune');
  });
});

describe('invoice PDF with the organization details', () => {
  it('prints the registered address and the GSTIN when set', async () => {
    const [invoice] = await t.db.execute<{ id: string }>(
      // A bare issued invoice of clinic A; the PDF reads only its own columns and lines.
      sql`insert into invoices
        (organization_id, patient_id, centre_id, number, status, currency, issued_at)
        values (${a.org.id}, ${a.patient.id}, ${a.centre.id}, 9001, 'issued', 'INR', now()) returning id::text`,
    );
    if (!invoice) throw new Error('no invoice');
    const staff = await createStaff(t.db, a.org.id, a.centre.id, 'front_desk');
    const cookie = await sessionCookie((await signedInStaff(t.db, staff.id)).sessionId);
    const response = await createInvoicePdfHandler(async () => deps(t.db))(
      new Request(`http://localhost/api/invoices/${invoice.id}/pdf`, { headers: { cookie } }),
      { params: Promise.resolve({ id: invoice.id }) },
    );
    expect(response.status).toBe(200);
    const [page] = (await pdfPages(Buffer.from(await response.arrayBuffer()))).map((p) => p.replace(/\s+/g, ' '));
    expect(page).toContain('12 Linking Road, Mumbai 400050');
    expect(page).toContain('GSTIN: 27AAPFU0939F1ZV');
  });
});
