import type { StaffPrincipal } from '@carelane/auth';
import { appointments, patients } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { TRPCError } from '@trpc/server';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PATIENT_COUNT_CAP } from '../src/routers/patients/count.schema';
import type { PatientListInput } from '../src/routers/patients/list.schema';
import { callerAs, createClinic, createStaff, indiaTime, signedInStaff } from './fixtures';

let t: TestDatabase;
let a: Awaited<ReturnType<typeof createClinic>>;
let b: Awaited<ReturnType<typeof createClinic>>;
let admin: StaffPrincipal;
let frontDesk: StaffPrincipal;
let counter = 0;

async function addPatient(
  organizationId: string,
  values: Partial<typeof patients.$inferInsert> & { firstName: string },
) {
  counter += 1;
  const [row] = await t.db
    .insert(patients)
    .values({ organizationId, mrn: `PS-${String(counter).padStart(6, '0')}`, ...values })
    .returning();
  if (!row) throw new Error('no patient');
  return row;
}

const list = (input: Partial<PatientListInput> = {}) => callerAs(t.db, admin).patients.list(input);
const count = (input: Partial<PatientListInput> = {}) => callerAs(t.db, admin).patients.count(input);
const names = (items: Array<{ firstName: string; lastName: string }>) =>
  items.map((p) => `${p.firstName} ${p.lastName}`);

let meera: typeof patients.$inferSelect;
let ravi: typeof patients.$inferSelect;
let anita: typeof patients.$inferSelect;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  a = await createClinic(t.db, 'Clinic A');
  b = await createClinic(t.db, 'Clinic B');
  admin = (await signedInStaff(t.db, (await createStaff(t.db, a.org.id, a.centre.id, 'admin')).id))
    .principal as StaffPrincipal;
  frontDesk = (await signedInStaff(t.db, (await createStaff(t.db, a.org.id, a.centre.id, 'front_desk')).id))
    .principal as StaffPrincipal;
  const year = new Date().getUTCFullYear();
  meera = await addPatient(a.org.id, {
    firstName: 'Meera',
    lastName: 'Sharma',
    phone: '+919812341234',
    email: 'meera.sharma@mail.example',
    sex: 'female',
    birthDate: `${year - 35}-01-01`,
    tags: ['diabetes', 'vip'],
    healthPlan: { insurer: 'Star Health' },
    leadSource: 'google',
  });
  ravi = await addPatient(a.org.id, {
    firstName: 'Ravi',
    lastName: 'Kumar',
    phone: '+919900011122',
    sex: 'male',
    birthDate: `${year - 70}-06-01`,
    tags: ['diabetes'],
  });
  anita = await addPatient(a.org.id, {
    firstName: 'Anita',
    lastName: 'Sharma',
    phone: '+919876500077',
    sex: 'female',
    birthDate: `${year - 8}-03-01`,
    tags: ['paediatric'],
    leadSource: 'google',
  });
  await addPatient(a.org.id, { firstName: 'Old', lastName: 'Archived', archivedAt: new Date() });
  // Another organization holds a near-identical patient: it must never appear.
  await addPatient(b.org.id, { firstName: 'Meera', lastName: 'Sharma', phone: '+919812341234' });

  // Meera was seen 10 days ago and comes back in 3 days; Ravi has only a cancelled visit.
  const visit = (patientId: string, days: number, status: 'completed' | 'confirmed' | 'cancelled') => ({
    organizationId: a.org.id,
    centreId: a.centre.id,
    clinicianId: a.clinician.id,
    patientId,
    typeId: a.type.id,
    startsAt: indiaTime(days, 10),
    endsAt: indiaTime(days, 10, 30),
    status,
    source: 'dashboard' as const,
    feeMinor: 50_000,
    currency: 'INR',
  });
  await t.db
    .insert(appointments)
    .values([
      visit(meera.id, -10, 'completed'),
      visit(meera.id, 3, 'confirmed'),
      { ...visit(ravi.id, -5, 'cancelled'), startsAt: indiaTime(-5, 11), endsAt: indiaTime(-5, 11, 30) },
    ]);
});
afterAll(() => t.close());

describe('patients.list: the search box', () => {
  it('finds a misspelt name, best match first, never another organization', async () => {
    for (const q of ['Meera Sharam', 'meera', 'Meera Shurma', 'mera sharma', 'Meeraa']) {
      const { items } = await list({ q });
      expect(items[0]?.id, q).toBe(meera.id);
      expect(
        items.every((p) => p.id !== undefined && [meera.id, anita.id, ravi.id].includes(p.id)),
        q,
      ).toBe(true);
      expect(await count({ q }), q).toEqual({ count: items.length, capped: false });
    }
  });

  it('finds a phone in any format or by its last digits', async () => {
    for (const q of ['1234', '41234', '+91 98123 41234', '098123-41234', '9812341234']) {
      const { items } = await list({ q });
      expect(
        items.map((p) => p.id),
        q,
      ).toEqual([meera.id]);
    }
  });

  it('finds an MRN exactly (any case) and an email by its start', async () => {
    expect((await list({ q: meera.mrn.toLowerCase() })).items.map((p) => p.id)).toEqual([meera.id]);
    expect((await list({ q: 'Meera.Sharma@' })).items.map((p) => p.id)).toEqual([meera.id]);
  });

  it('finds record numbers by their start, only when typed as one', async () => {
    const started = await list({ q: 'ps-0000' });
    expect(started.items.map((p) => p.id)).toContain(meera.id);
    expect(started.items.every((p) => p.mrn.startsWith('PS-0000'))).toBe(true);
    // Letters alone are a name, not the start of every record number.
    expect((await list({ q: 'ps' })).items.map((p) => p.id)).not.toContain(meera.id);
    const picked = await callerAs(t.db, frontDesk).patients.quickSearch({ q: meera.mrn.slice(0, -1) });
    expect(picked.map((p) => p.id)).toContain(meera.id);
  });

  it('patients.quickSearch uses the same search', async () => {
    const found = await callerAs(t.db, frontDesk).patients.quickSearch({ q: 'Sharam' });
    expect(found.map((p) => p.id)).toContain(meera.id);
    expect((await callerAs(t.db, frontDesk).patients.quickSearch({ q: '41234' })).map((p) => p.id)).toEqual([meera.id]);
  });
});

describe('patients.list: filters', () => {
  it('combine with AND', async () => {
    expect(names((await list({ tags: ['diabetes'] })).items)).toEqual(['Meera Sharma', 'Ravi Kumar']);
    expect(names((await list({ tags: ['diabetes'], sex: 'female' })).items)).toEqual(['Meera Sharma']);
    expect(names((await list({ ageMin: 30, ageMax: 40 })).items)).toEqual(['Meera Sharma']);
    expect(names((await list({ ageMax: 17 })).items)).toEqual(['Anita Sharma']);
    expect(names((await list({ q: 'sharma', ageMax: 17 })).items)).toEqual(['Anita Sharma']);
    expect(names((await list({ healthPlan: 'star health' })).items)).toEqual(['Meera Sharma']);
    expect(names((await list({ hasUpcoming: true })).items)).toEqual(['Meera Sharma']);
    expect((await list({ hasUpcoming: false })).items.map((p) => p.id)).not.toContain(meera.id);
    expect(names((await list({ clinicianId: a.clinician.id })).items)).toEqual(['Meera Sharma']);
    expect(names((await list({ centreId: a.centre.id, sex: 'male' })).items)).toEqual([]);
    expect(names((await list({ status: 'archived' })).items)).toEqual(['Old Archived']);
  });

  it('are counted as the list holds them', async () => {
    const inputs: Partial<PatientListInput>[] = [
      {},
      { tags: ['diabetes'] },
      { tags: ['diabetes'], sex: 'female' },
      { q: 'sharma', ageMax: 17 },
      { hasUpcoming: true },
      { hasUpcoming: false },
      { status: 'archived' },
    ];
    for (const input of inputs) {
      const { items } = await list(input);
      expect(await count(input), JSON.stringify(input)).toEqual({ count: items.length, capped: false });
    }
  });

  it('keeps last and next visits (a cancelled appointment is no visit)', async () => {
    const { items } = await list({ sort: 'lastVisit' });
    expect(items[0]).toMatchObject({ id: meera.id, lastVisitAt: indiaTime(-10, 10), nextVisitAt: indiaTime(3, 10) });
    expect(items.find((p) => p.id === ravi.id)?.lastVisitAt).toBeNull();
    const today = new Date().toISOString().slice(0, 10);
    const from = indiaTime(-11, 10).toISOString().slice(0, 10);
    expect(names((await list({ lastVisitFrom: from, lastVisitTo: today })).items)).toEqual(['Meera Sharma']);
    // Completing Ravi's visit moves his last visit (the trigger keeps it).
    await t.db.update(appointments).set({ status: 'completed' }).where(eq(appointments.patientId, ravi.id));
    expect((await list({ sort: 'lastVisit' })).items.map((p) => p.id).slice(0, 2)).toEqual([ravi.id, meera.id]);
    expect((await list({ sort: 'lastVisit', order: 'asc' })).items.at(-1)?.id).toBe(ravi.id);
    await t.db.update(appointments).set({ status: 'cancelled' }).where(eq(appointments.patientId, ravi.id));
  });

  it('knows who has an appointment ahead as bookings come, move and go', async () => {
    const upcoming = async () => (await list({ hasUpcoming: true })).items.map((p) => p.id);
    const [ravisVisit] = await t.db.select().from(appointments).where(eq(appointments.patientId, ravi.id));
    if (!ravisVisit) throw new Error('fixture');
    const values = { ...ravisVisit, id: undefined, status: 'confirmed' as const };
    // A booking left unconfirmed in the past is not ahead.
    const [stale] = await t.db
      .insert(appointments)
      .values({ ...values, startsAt: indiaTime(-2, 15), endsAt: indiaTime(-2, 15, 30) })
      .returning();
    expect(await upcoming()).not.toContain(ravi.id);
    const [ahead] = await t.db
      .insert(appointments)
      .values({ ...values, status: 'pending', startsAt: indiaTime(6, 15), endsAt: indiaTime(6, 15, 30) })
      .returning();
    expect(await upcoming()).toContain(ravi.id);
    expect((await list({ hasUpcoming: false })).items.map((p) => p.id)).not.toContain(ravi.id);
    // Moved into the past, then cancelled: no longer ahead.
    await t.db
      .update(appointments)
      .set({ startsAt: indiaTime(-1, 15), endsAt: indiaTime(-1, 15, 30) })
      .where(eq(appointments.id, ahead?.id ?? ''));
    expect(await upcoming()).not.toContain(ravi.id);
    await t.db
      .update(appointments)
      .set({ startsAt: indiaTime(8, 15), endsAt: indiaTime(8, 15, 30) })
      .where(eq(appointments.id, ahead?.id ?? ''));
    expect(await upcoming()).toContain(ravi.id);
    await t.db
      .update(appointments)
      .set({ status: 'cancelled' })
      .where(eq(appointments.id, ahead?.id ?? ''));
    expect(await upcoming()).not.toContain(ravi.id);
    expect((await list({ hasUpcoming: false })).items.map((p) => p.id)).toContain(ravi.id);
    await t.db.delete(appointments).where(inArray(appointments.id, [stale?.id ?? '', ahead?.id ?? '']));
  });

  it('a centre the caller cannot see is NOT_FOUND; bad input names the field', async () => {
    const error = await list({ centreId: b.centre.id }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('NOT_FOUND');
    for (const [input, field] of [
      [{ sort: 'relevance' }, 'sort'],
      [{ ageMin: 40, ageMax: 30 }, 'ageMax'],
      [{ cursor: 'nonsense' }, 'cursor'],
      [{ limit: 101 }, 'limit'],
    ] as const) {
      const e = await list(input).catch((x: unknown) => x);
      expect((e as TRPCError).code, field).toBe('BAD_REQUEST');
      expect(JSON.stringify((e as TRPCError).cause), field).toContain(field);
    }
  });
});

describe('patients.count', () => {
  it(`stops at ${PATIENT_COUNT_CAP} and says there are more`, async () => {
    const clinic = await createClinic(t.db, 'Large clinic');
    await t.db.insert(patients).values(
      Array.from({ length: PATIENT_COUNT_CAP + 5 }, (_, i) => ({
        organizationId: clinic.org.id,
        mrn: `LC-${String(i).padStart(6, '0')}`,
        firstName: i % 2 ? 'Even' : 'Odd',
        lastName: 'Many',
        sex: i < 3 ? ('female' as const) : ('male' as const),
      })),
    );
    const staff = await signedInStaff(t.db, (await createStaff(t.db, clinic.org.id, clinic.centre.id, 'admin')).id);
    const caller = callerAs(t.db, staff.principal);
    // The clinic's own fixture patient is one more.
    expect(await caller.patients.count({})).toEqual({ count: PATIENT_COUNT_CAP, capped: true });
    expect(await caller.patients.count({ sex: 'female' })).toEqual({ count: 3, capped: false });
    expect(await caller.patients.count({ q: 'many' })).toEqual({ count: PATIENT_COUNT_CAP, capped: true });
  });
});

describe('patients.list: pages', () => {
  it('never repeat or skip a row while others are added', async () => {
    const org = (await createClinic(t.db, 'Paging clinic')).org;
    const before = await Promise.all(
      Array.from({ length: 45 }, (_, i) => addPatient(org.id, { firstName: `Page${String(i).padStart(2, '0')}` })),
    );
    const staff = (await signedInStaff(t.db, (await createStaff(t.db, org.id, a.centre.id, 'admin')).id))
      .principal as StaffPrincipal;
    const caller = callerAs(t.db, staff);
    for (const sort of ['name', 'created', 'lastVisit'] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      let round = 0;
      do {
        const page = await caller.patients.list({ sort, limit: 7, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((p) => p.id));
        // Someone registers patients between pages, sorting both before and after the cursor.
        await addPatient(org.id, { firstName: `Aaa${sort}${round}` });
        await addPatient(org.id, { firstName: `Zzz${sort}${round}` });
        round += 1;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(new Set(seen).size, sort).toBe(seen.length);
      for (const p of before) expect(seen, sort).toContain(p.id);
    }
  });

  it('pages a search by relevance', async () => {
    const first = await list({ q: 'sharma', limit: 1 });
    expect((await count({ q: 'sharma' })).count).toBe(2);
    const second = await list({ q: 'sharma', limit: 1, cursor: first.nextCursor ?? '' });
    expect([...first.items, ...second.items].map((p) => p.id).sort()).toEqual([meera.id, anita.id].sort());
    expect(second.nextCursor).toBeNull();
  });
});

describe('patients.stats', () => {
  it('counts the active patients of the organization only', async () => {
    const stats = await callerAs(t.db, frontDesk).patients.stats();
    // a.patient from createClinic, Meera, Ravi, Anita; the archived one is left out.
    expect(stats.total).toBe(4);
    expect(stats.newThisMonth).toBe(4);
    expect(stats.seenLast90Days).toBe(1);
    expect(stats.bySex).toEqual(
      expect.arrayContaining([
        { sex: 'female', count: 2 },
        { sex: 'male', count: 1 },
        { sex: 'unknown', count: 1 },
      ]),
    );
    expect(stats.byAgeBand).toEqual([
      { band: '0-17', count: 1 },
      { band: '30-44', count: 1 },
      { band: '60-74', count: 1 },
      { band: 'unknown', count: 1 },
    ]);
    expect(stats.byLeadSource).toEqual([
      { source: 'google', count: 2 },
      { source: null, count: 2 },
    ]);
  });
});
