import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APPOINTMENT_STATUSES, DEFAULT_QUESTIONNAIRES, localDate, localDayBounds } from '@carelane/core';
import { and, asc, count, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Database, type DbClient } from '../src/client';
import { type EmbeddedServer, startEmbeddedPostgres } from '../src/embedded';
import { ensureDatabase, runMigrations } from '../src/migrate';
import { verifyPassword } from '../src/password';
import {
  appointments,
  centres,
  clinicianProfiles,
  households,
  invoiceLines,
  invoices,
  organizations,
  patients,
  payments,
  procedures,
  questionnaireVersions,
  staffUsers,
  treatments,
} from '../src/schema';
import { DEMO } from '../src/seed/demo-accounts';
import { isEmpty, type SeedSummary, seedDemo } from '../src/seed/seed-demo';

/** Monday 23 November 2026, 11:10 in Bengaluru: every clinician is mid-morning. */
const NOW = new Date('2026-11-23T05:40:00Z');
const ZONE = 'Asia/Kolkata';

let dir = '';
let server: EmbeddedServer | undefined;
const clients: DbClient[] = [];

async function freshDatabase(name: string): Promise<Database> {
  if (!server) throw new Error('server not started');
  await ensureDatabase(server.url('postgres'), name);
  const client = createDb(server.url(name), { max: 2 });
  clients.push(client);
  await runMigrations(client.db);
  return client.db;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'carelane-seed-'));
  server = await startEmbeddedPostgres(dir, { durable: false });
});

afterAll(async () => {
  for (const client of clients) await client.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('seedDemo', () => {
  let db: Database;
  let summary: SeedSummary;
  let orgId = '';
  let otherOrgId = '';

  beforeAll(async () => {
    db = await freshDatabase('seedtest');
    expect(await isEmpty(db)).toBe(true);
    summary = await seedDemo(db, { now: NOW });
    const orgs = await db.select().from(organizations);
    orgId = orgs.find((o) => o.slug === DEMO.organization.slug)?.id ?? '';
    otherOrgId = orgs.find((o) => o.slug === DEMO.otherOrganization.slug)?.id ?? '';
  });

  it('creates both organizations with the expected counts', async () => {
    expect(await isEmpty(db)).toBe(false);
    const orgs = await db.select().from(organizations).orderBy(asc(organizations.slug));
    expect(orgs.map((o) => [o.slug, o.name, o.defaultZone, o.currency, o.country])).toEqual(
      [
        [DEMO.otherOrganization.slug, DEMO.otherOrganization.name, ZONE, 'INR', 'IN'],
        [DEMO.organization.slug, DEMO.organization.name, ZONE, 'INR', 'IN'],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(summary).toMatchObject({ organizations: 2, centres: 3, clinicians: 7, patients: 320, households: 60 });

    const [patientCount] = await db.select({ n: count() }).from(patients).where(eq(patients.organizationId, orgId));
    expect(patientCount?.n).toBe(300);
    const [otherPatients] = await db
      .select({ n: count() })
      .from(patients)
      .where(eq(patients.organizationId, otherOrgId));
    expect(otherPatients?.n).toBe(20);

    // Each clinic starts with its kind's default medical-history questions, published as version 1.
    const published = await db
      .select({
        organizationId: questionnaireVersions.organizationId,
        version: questionnaireVersions.version,
        questions: questionnaireVersions.questions,
      })
      .from(questionnaireVersions);
    expect(published).toHaveLength(2);
    expect(published.find((q) => q.organizationId === orgId)).toMatchObject({
      version: 1,
      questions: DEFAULT_QUESTIONNAIRES.general,
    });
    expect(published.find((q) => q.organizationId === otherOrgId)).toMatchObject({
      version: 1,
      questions: DEFAULT_QUESTIONNAIRES.dental,
    });

    const clinicians = await db
      .select({ id: staffUsers.id })
      .from(staffUsers)
      .where(and(eq(staffUsers.organizationId, orgId), eq(staffUsers.role, 'clinician')));
    expect(clinicians).toHaveLength(6);
    const profiles = await db.select().from(clinicianProfiles).where(eq(clinicianProfiles.organizationId, orgId));
    const primaries = profiles.map((p) => p.specialisations[0]).sort();
    expect(primaries).toEqual([
      'Dentistry',
      'Dentistry',
      'General practice',
      'General practice',
      'Psychotherapy',
      'Psychotherapy',
    ]);
    expect(new Set(profiles.map((p) => p.slug)).size).toBe(6);

    const roles = await db
      .selectDistinct({ role: staffUsers.role })
      .from(staffUsers)
      .where(eq(staffUsers.organizationId, orgId));
    expect(roles.map((r) => r.role).sort()).toEqual(
      ['admin', 'care_coordinator', 'centre_manager', 'clinician', 'front_desk', 'manager'].sort(),
    );

    const [appointmentCount] = await db
      .select({ n: count() })
      .from(appointments)
      .where(eq(appointments.organizationId, orgId));
    expect(appointmentCount?.n).toBeGreaterThanOrEqual(1500);
    expect(appointmentCount?.n).toBeLessThanOrEqual(2500);

    const householdSizes = await db
      .select({ id: households.id, n: count(patients.id) })
      .from(households)
      .innerJoin(patients, eq(patients.householdId, households.id))
      .where(eq(households.organizationId, orgId))
      .groupBy(households.id);
    expect(householdSizes).toHaveLength(60);
    for (const h of householdSizes) expect(h.n).toBeGreaterThanOrEqual(2);
    for (const h of householdSizes) expect(h.n).toBeLessThanOrEqual(4);
  });

  it('uses every appointment status', async () => {
    const statuses = await db
      .selectDistinct({ status: appointments.status })
      .from(appointments)
      .where(eq(appointments.organizationId, orgId));
    expect(statuses.map((s) => s.status).sort()).toEqual([...APPOINTMENT_STATUSES].sort());
  });

  it('creates the DEMO sign-ins with the demo password', async () => {
    const accounts = [...Object.values(DEMO.staff), DEMO.otherAdmin];
    const rows = await db
      .select()
      .from(staffUsers)
      .where(
        inArray(
          staffUsers.email,
          accounts.map((a) => a.email),
        ),
      );
    expect(rows).toHaveLength(accounts.length);
    for (const account of accounts) {
      const row = rows.find((r) => r.email === account.email);
      expect(row?.phone).toBe(account.phone);
      expect(row?.name).toBe(account.name);
      expect(await verifyPassword(row?.passwordHash ?? '', DEMO.password)).toBe(true);
    }
    const firstCentre = await db
      .select()
      .from(centres)
      .where(eq(centres.organizationId, orgId))
      .orderBy(asc(centres.createdAt))
      .limit(1);
    const frontDesk = rows.find((r) => r.email === DEMO.staff.frontDesk.email);
    expect(frontDesk?.defaultCentreId).toBe(firstCentre[0]?.id);
  });

  it('gives the demo patient past and upcoming visits', async () => {
    const [arjun] = await db
      .select()
      .from(patients)
      .where(and(eq(patients.organizationId, orgId), eq(patients.phone, DEMO.patient.phone)));
    expect(arjun).toMatchObject({
      mrn: 'SH-000001',
      firstName: DEMO.patient.firstName,
      lastName: DEMO.patient.lastName,
      consentSms: true,
      consentWhatsapp: true,
    });
    expect(arjun?.householdId).not.toBeNull();
    const visits = await db
      .select()
      .from(appointments)
      .where(eq(appointments.patientId, arjun?.id ?? ''));
    expect(visits.filter((v) => v.endsAt < NOW && v.status === 'completed').length).toBeGreaterThanOrEqual(2);
    expect(visits.filter((v) => v.startsAt > NOW && v.status !== 'cancelled').length).toBeGreaterThanOrEqual(2);

    // Lakeside has a patient with the same phone (phones are unique per organization only).
    const others = await db.select().from(patients).where(eq(patients.organizationId, otherOrgId));
    expect(others.filter((p) => p.phone === DEMO.patient.phone)).toHaveLength(1);
    const sunrisePhones = new Set(
      (await db.select({ phone: patients.phone }).from(patients).where(eq(patients.organizationId, orgId))).map(
        (p) => p.phone,
      ),
    );
    expect(sunrisePhones.size).toBe(300);
    for (const p of others) {
      expect(p.mrn).toMatch(/^LD-\d{6}$/);
      if (p.phone !== DEMO.patient.phone) expect(sunrisePhones.has(p.phone)).toBe(false);
    }
    for (const phone of sunrisePhones) expect(phone).toMatch(/^\+91[6-9]\d{9}$/);
    const staffPhones = [...Object.values(DEMO.staff), DEMO.otherAdmin].map((s) => s.phone as string);
    for (const phone of staffPhones) expect(sunrisePhones.has(phone)).toBe(false);
  });

  it('fills today for every clinician at the first centre', async () => {
    const { start, end } = localDayBounds(localDate(NOW, ZONE), ZONE);
    const [first] = await db
      .select()
      .from(centres)
      .where(eq(centres.organizationId, orgId))
      .orderBy(asc(centres.createdAt))
      .limit(1);
    const clinicians = await db
      .select({ id: staffUsers.id, email: staffUsers.email })
      .from(staffUsers)
      .where(and(eq(staffUsers.role, 'clinician'), eq(staffUsers.defaultCentreId, first?.id ?? '')));
    expect(clinicians).toHaveLength(4);
    expect(clinicians.map((c) => c.email)).toContain(DEMO.staff.clinician.email);
    const today = await db
      .select()
      .from(appointments)
      .where(
        and(
          eq(appointments.centreId, first?.id ?? ''),
          gte(appointments.startsAt, start),
          lt(appointments.startsAt, end),
        ),
      );
    for (const c of clinicians) {
      expect(today.filter((a) => a.clinicianId === c.id).length).toBeGreaterThanOrEqual(3);
    }
    const statuses = new Set(today.map((a) => a.status));
    for (const s of ['pending', 'confirmed', 'checked_in', 'completed'] as const) expect(statuses.has(s)).toBe(true);
  });

  it('keeps appointments inside working hours, with matching types and consistent fields', async () => {
    const now = sql`${NOW.toISOString()}::timestamptz`;
    const outside = await db.execute<{ n: number }>(sql`
      select count(*)::int as n from appointments a
      where not exists (
        select 1 from availability_rules r
        where r.clinician_id = a.clinician_id and r.centre_id = a.centre_id and r.mode = a.mode
          and r.weekday = extract(isodow from a.starts_at at time zone 'Asia/Kolkata')
          and r.start_time <= (a.starts_at at time zone 'Asia/Kolkata')::time
          and r.end_time >= (a.ends_at at time zone 'Asia/Kolkata')::time)`);
    expect(outside[0]?.n).toBe(0);
    const mismatched = await db.execute<{ n: number }>(sql`
      select count(*)::int as n from appointments a
      join appointment_types t on t.id = a.type_id
      join clinician_profiles p on p.staff_user_id = a.clinician_id
      where t.specialisation <> p.specialisations[1] or t.price_minor <> a.fee_minor
        or t.organization_id <> a.organization_id`);
    expect(mismatched[0]?.n).toBe(0);
    const inconsistent = await db.execute<{ n: number }>(sql`
      select count(*)::int as n from appointments
      where (status = 'cancelled') <> (cancelled_at is not null and cancellation_reason is not null)
        or (status in ('confirmed', 'checked_in', 'completed', 'no_show')) <> (confirmed_at is not null)
        or (mode = 'online') <> (video_url is not null)
        or created_at > ${now}
        or (status in ('completed', 'no_show') and ends_at > ${now})
        or (status in ('pending', 'confirmed') and ends_at <= ${now})`);
    expect(inconsistent[0]?.n).toBe(0);
  });

  it('seeds in one transaction: a second run fails and adds nothing', async () => {
    await expect(seedDemo(db, { now: NOW })).rejects.toThrow();
    const [n] = await db.select({ n: count() }).from(patients);
    expect(n?.n).toBe(320);
  });

  it('seeds money that matches the visits, and the demo patient owes part of an issued invoice', async () => {
    const [arjun] = await db.select().from(patients).where(eq(patients.phone, DEMO.patient.phone));
    const [invoice] = await db
      .select()
      .from(invoices)
      .where(eq(invoices.patientId, arjun?.id ?? ''));
    expect(invoice).toMatchObject({ number: 1, status: 'issued', totalMinor: 240_000, paidMinor: 100_000 });
    const lines = await db
      .select()
      .from(invoiceLines)
      .where(eq(invoiceLines.invoiceId, invoice?.id ?? ''));
    expect(lines.reduce((sum, l) => sum + l.totalMinor, 0)).toBe(invoice?.totalMinor);
    const [onInvoice] = await db
      .select({ credited: sql<number>`sum(${payments.creditedMinor})::int` })
      .from(payments)
      .where(eq(payments.invoiceId, invoice?.id ?? ''));
    expect(onInvoice?.credited).toBe(invoice?.paidMinor);
    const planned = await db
      .select()
      .from(treatments)
      .where(eq(treatments.patientId, arjun?.id ?? ''));
    expect(planned.map((t) => [t.tooth, t.status]).sort()).toEqual([
      [3, 'planned'],
      [3, 'planned'],
      [30, 'done'],
    ]);
    // Every paid visit (but the invoiced one) has its payment; no payment credits more than it took.
    const [unpaid] = await db
      .select({ n: count() })
      .from(appointments)
      .where(
        and(
          eq(appointments.paymentStatus, 'paid'),
          sql`not exists (select 1 from ${payments} where ${payments.appointmentId} = ${appointments.id})`,
        ),
      );
    expect(unpaid?.n).toBe(0);
    const [paidCount] = await db.select({ n: count() }).from(payments);
    expect(paidCount?.n).toBeGreaterThan(500);
    expect((await db.select().from(procedures).where(eq(procedures.organizationId, orgId))).length).toBe(11);
  });

  it('is deterministic for the same now, with the same people on another day', async () => {
    const other = await freshDatabase('seedtest2');
    const second = await seedDemo(other, { now: NOW });
    expect(second).toEqual(summary);
    const read = (d: Database) =>
      d
        .select({ mrn: patients.mrn, first: patients.firstName, last: patients.lastName, phone: patients.phone })
        .from(patients)
        .orderBy(asc(patients.mrn));
    expect(await read(other)).toEqual(await read(db));
    const appts = (d: Database) =>
      d
        .select({ id: appointments.id, startsAt: appointments.startsAt, status: appointments.status })
        .from(appointments)
        .orderBy(asc(appointments.id));
    expect(await appts(other)).toEqual(await appts(db));

    // Another day: the same people, different appointments.
    const later = await freshDatabase('seedtest3');
    await seedDemo(later, { now: new Date(NOW.getTime() + 3 * 24 * 3600_000) });
    expect(await read(later)).toEqual(await read(db));
  });
});
