import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_QUESTIONNAIRES, MESSAGE_KINDS, MESSAGE_LANGUAGES, NOTIFICATION_CHANNELS } from '@carelane/core';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Database, type DbClient } from '../src/client';
import { type EmbeddedServer, startEmbeddedPostgres } from '../src/embedded';
import { ensureDatabase, runMigrations } from '../src/migrate';
import {
  createOrganizationNow,
  issueSetupCode,
  OnboardingFieldError,
  type OnboardingInput,
  onboardingSchema,
  setupNeeded,
  useSetupCode,
} from '../src/onboarding';
import { verifyPassword } from '../src/password';
import {
  centres,
  invoiceSequences,
  messageTemplates,
  organizations,
  questionnaireVersions,
  setupCodes,
  staffCentres,
  staffUsers,
} from '../src/schema';

let dir = '';
let server: EmbeddedServer | undefined;
let client: DbClient | undefined;
let db: Database;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'carelane-onboarding-'));
  server = await startEmbeddedPostgres(dir, { durable: false });
  await ensureDatabase(server.url('postgres'), 'onboarding');
  client = createDb(server.url('onboarding'), { max: 3 });
  db = client.db;
  await runMigrations(db);
});

afterAll(async () => {
  await client?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const CLINIC: OnboardingInput = {
  organization: {
    name: 'Asha Family Clinic',
    slug: 'Asha-Clinic',
    country: 'in',
    currency: 'inr',
    zone: 'Asia/Kolkata',
    kind: 'dental',
  },
  centre: { name: 'Indiranagar', addressLine: '12 CMH Road', city: 'Bengaluru', phone: '080 4123 4567' },
  admin: { name: 'Asha Rao', email: 'Asha@Example.com', password: 'river-lantern-42' },
};

function parse(input: OnboardingInput) {
  return onboardingSchema.parse(input);
}

async function counts() {
  const [orgs] = await db.select({ n: count() }).from(organizations);
  const [staff] = await db.select({ n: count() }).from(staffUsers);
  const [centreRows] = await db.select({ n: count() }).from(centres);
  return { organizations: orgs?.n, staff: staff?.n, centres: centreRows?.n };
}

describe('the setup code', () => {
  it('is issued while no organization exists, used once, and an older one dies with a new one', async () => {
    expect(await setupNeeded(db)).toBe(true);
    const first = await issueSetupCode(db);
    expect(first).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const second = await issueSetupCode(db);
    if (!first || !second) throw new Error('no code');
    expect(await db.transaction((tx) => useSetupCode(tx, first))).toBe(false);
    // Typed by hand: lower case, spaces instead of hyphens.
    const typed = second.toLowerCase().replaceAll('-', ' ');
    expect(await db.transaction((tx) => useSetupCode(tx, typed))).toBe(true);
    expect(await db.transaction((tx) => useSetupCode(tx, second))).toBe(false);
    const stored = await db.select({ hash: setupCodes.codeHash }).from(setupCodes);
    expect(stored.map((r) => r.hash).join()).not.toContain(second.replaceAll('-', ''));
  });

  it('is refused once expired', async () => {
    const issuedAt = new Date(Date.now() - 25 * 3600_000);
    const code = await issueSetupCode(db, issuedAt);
    if (!code) throw new Error('no code');
    expect(await db.transaction((tx) => useSetupCode(tx, code))).toBe(false);
  });
});

describe('createOrganization', () => {
  let organizationId = '';

  beforeAll(async () => {
    organizationId = (await createOrganizationNow(db, parse(CLINIC))).organizationId;
  });

  it('creates the organization, its centre and its admin, normalised', async () => {
    const [org] = await db.select().from(organizations).where(eq(organizations.id, organizationId));
    expect(org).toMatchObject({ slug: 'asha-clinic', country: 'IN', currency: 'INR', defaultZone: 'Asia/Kolkata' });
    const [centre] = await db.select().from(centres).where(eq(centres.organizationId, organizationId));
    expect(centre).toMatchObject({ name: 'Indiranagar', phone: '+918041234567', zone: 'Asia/Kolkata', active: true });
    const [admin] = await db.select().from(staffUsers).where(eq(staffUsers.organizationId, organizationId));
    expect(admin).toMatchObject({
      email: 'asha@example.com',
      role: 'admin',
      active: true,
      defaultCentreId: centre?.id,
    });
    expect(await verifyPassword(admin?.passwordHash ?? '', 'river-lantern-42')).toBe(true);
    const assigned = await db
      .select()
      .from(staffCentres)
      .where(eq(staffCentres.staffUserId, admin?.id ?? ''));
    expect(assigned.map((a) => a.centreId)).toEqual([centre?.id]);
  });

  it('gives it what every organization needs: questionnaire, templates, invoice numbers', async () => {
    const versions = await db
      .select()
      .from(questionnaireVersions)
      .where(eq(questionnaireVersions.organizationId, organizationId));
    expect(versions.map((v) => v.version)).toEqual([1]);
    expect(versions[0]?.questions).toEqual(DEFAULT_QUESTIONNAIRES.dental);
    const [templates] = await db
      .select({ n: count() })
      .from(messageTemplates)
      .where(eq(messageTemplates.organizationId, organizationId));
    expect(templates?.n).toBe(MESSAGE_LANGUAGES.length * MESSAGE_KINDS.length * NOTIFICATION_CHANNELS.length);
    const sequence = await db
      .select()
      .from(invoiceSequences)
      .where(eq(invoiceSequences.organizationId, organizationId));
    expect(sequence).toEqual([{ organizationId, lastNumber: 0 }]);
  });

  it('no longer issues setup codes once an organization exists', async () => {
    expect(await setupNeeded(db)).toBe(false);
    expect(await issueSetupCode(db)).toBeNull();
  });

  it('refuses a taken slug or email by field, and creates nothing', async () => {
    const before = await counts();
    const sameSlug = { ...CLINIC, admin: { ...CLINIC.admin, email: 'other@example.com' } };
    await expect(createOrganizationNow(db, parse(sameSlug))).rejects.toMatchObject({
      name: 'OnboardingFieldError',
      field: 'organization.slug',
    });
    const sameEmail = {
      ...CLINIC,
      organization: { ...CLINIC.organization, slug: 'another-clinic' },
      admin: { ...CLINIC.admin, email: 'ASHA@example.com' },
    };
    await expect(createOrganizationNow(db, parse(sameEmail))).rejects.toBeInstanceOf(OnboardingFieldError);
    await expect(createOrganizationNow(db, parse(sameEmail))).rejects.toMatchObject({ field: 'admin.email' });
    const badPhone = {
      ...CLINIC,
      organization: { ...CLINIC.organization, slug: 'third-clinic' },
      centre: { ...CLINIC.centre, phone: '12' },
      admin: { ...CLINIC.admin, email: 'third@example.com' },
    };
    await expect(createOrganizationNow(db, parse(badPhone))).rejects.toMatchObject({ field: 'centre.phone' });
    expect(await counts()).toEqual(before);
  });
});

describe('onboardingSchema', () => {
  it('names each field it refuses', () => {
    const result = onboardingSchema.safeParse({
      organization: { name: ' ', slug: 'Not a slug!', country: 'XX', currency: 'RUPEES', zone: 'Mars/Olympus' },
      centre: { name: 'Main', addressLine: '', city: 'Pune' },
      admin: { name: 'A', email: 'not-an-email', password: 'short' },
    });
    expect(result.success).toBe(false);
    const fields = (result.error?.issues ?? []).map((i) => i.path.join('.')).sort();
    expect(fields).toEqual([
      'admin.email',
      'admin.password',
      'centre.addressLine',
      'organization.country',
      'organization.currency',
      'organization.name',
      'organization.slug',
      'organization.zone',
    ]);
  });
});
