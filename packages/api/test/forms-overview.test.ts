import { PERMISSIONS, type StaffPrincipal } from '@carelane/auth';
import { DEFAULT_QUESTIONNAIRES, formRequestState } from '@carelane/core';
import { type Database, files, formRequests, formSubmissions, patients, questionnaireVersions } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formStateSql } from '../src/routers/forms/state-sql';
import { callerAs, createClinic, createPatient } from './fixtures';
import { staffOf } from './patient-fixtures';

type Clinic = Awaited<ReturnType<typeof createClinic>>;

let t: TestDatabase;
let a: Clinic;
let b: Clinic;
let frontDesk: StaffPrincipal;
let frontDeskB: StaffPrincipal;
let zubaida: { id: string; mrn: string };
let quentin: { id: string; mrn: string };

const DAY = 86_400_000;

async function versionOf(db: Database, clinic: Clinic) {
  const [row] = await db
    .insert(questionnaireVersions)
    .values({
      organizationId: clinic.org.id,
      version: 1,
      questions: DEFAULT_QUESTIONNAIRES.general,
      createdById: clinic.clinician.id,
    })
    .returning();
  if (!row) throw new Error('no version');
  return row.id;
}

let tokenCounter = 0;
/** A link written straight to the table, with whatever facts the test needs. */
function linkRow(
  clinic: Clinic,
  versionId: string,
  patientId: string,
  facts: Partial<typeof formRequests.$inferInsert>,
) {
  return {
    organizationId: clinic.org.id,
    patientId,
    questionnaireVersionId: versionId,
    tokenHash: `hash-${tokenCounter++}-${Math.random()}`,
    expiresAt: new Date(Date.now() + 7 * DAY),
    createdById: clinic.clinician.id,
    ...facts,
  };
}

async function namedPatient(clinic: Clinic, firstName: string, lastName: string, mrn: string) {
  const patient = await createPatient(t.db, clinic.org.id);
  await t.db
    .update(patients)
    .set({ firstName, lastName, mrn, birthDate: '1990-04-12' })
    .where(eq(patients.id, patient.id));
  return { id: patient.id, mrn };
}

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  a = await createClinic(t.db, 'Overview A');
  b = await createClinic(t.db, 'Overview B');
  frontDesk = await staffOf(t.db, a, 'front_desk');
  frontDeskB = await staffOf(t.db, b, 'front_desk');
  zubaida = await namedPatient(a, 'Zubaida', 'Khanum', 'OV-000101');
  quentin = await namedPatient(a, 'Quentin', 'Fernandes', 'OV-000202');
});
afterAll(() => t.close());

describe('formStateSql', () => {
  it('gives every row the state core gives it, at the same instant, on every boundary', async () => {
    const clinic = await createClinic(t.db, 'Overview states');
    const versionId = await versionOf(t.db, clinic);
    const now = new Date('2026-11-21T10:00:00.000Z');
    const earlier = new Date(now.getTime() - DAY);
    // Expiry: long past, a millisecond ago, exactly now (expired), a millisecond ahead, a week ahead.
    const expiries = [-7 * DAY, -1, 0, 1, 7 * DAY].map((ms) => new Date(now.getTime() + ms));
    const rows = [];
    for (const expiresAt of expiries) {
      for (let mask = 0; mask < 16; mask++) {
        rows.push(
          linkRow(clinic, versionId, clinic.patient.id, {
            expiresAt,
            openedAt: mask & 1 ? earlier : null,
            submittedAt: mask & 2 ? earlier : null,
            // Revoked or locked after the link expired, too.
            revokedAt: mask & 4 ? new Date(expiresAt.getTime() + 1000) : null,
            lockedAt: mask & 8 ? new Date(expiresAt.getTime() + 2000) : null,
          }),
        );
      }
    }
    await t.db.insert(formRequests).values(rows);
    const stored = await t.db
      .select({
        expiresAt: formRequests.expiresAt,
        openedAt: formRequests.openedAt,
        submittedAt: formRequests.submittedAt,
        revokedAt: formRequests.revokedAt,
        lockedAt: formRequests.lockedAt,
        sqlState: formStateSql(now),
      })
      .from(formRequests)
      .where(eq(formRequests.organizationId, clinic.org.id));
    expect(stored).toHaveLength(80);
    for (const row of stored) expect(row.sqlState, JSON.stringify(row)).toBe(formRequestState(row, now));
    // Every state is among them.
    expect(new Set(stored.map((r) => r.sqlState))).toEqual(
      new Set(['sent', 'opened', 'submitted', 'expired', 'revoked', 'locked']),
    );
  });
});

describe('forms.overview', () => {
  it('lists links newest first with their states, patient and author, and counts each state', async () => {
    const caller = callerAs(t.db, frontDesk);
    const first = await caller.forms.createLink({ patientId: zubaida.id });
    const second = await caller.forms.createLink({ patientId: quentin.id });
    await caller.forms.revokeLink({ id: first.id });

    const page = await caller.forms.overview({});
    expect(page.items.map((i) => i.id)).toEqual([second.id, first.id]);
    expect(page.items[0]).toMatchObject({
      patient: { id: quentin.id, name: 'Quentin Fernandes', mrn: quentin.mrn },
      state: 'sent',
      version: 1,
      createdBy: frontDesk.name,
      sentVia: [],
      failedBirthDateAttempts: 0,
      submissionId: null,
      openedAt: null,
      submittedAt: null,
    });
    expect(page.items[1]?.state).toBe('revoked');
    expect(page.counts).toEqual({ sent: 1, opened: 0, submitted: 0, expired: 0, revoked: 1, locked: 0 });
    expect(page.nextCursor).toBeNull();
  });

  it('filters by one state or several, and searches by name or record number', async () => {
    const caller = callerAs(t.db, frontDesk);
    const revoked = await caller.forms.overview({ state: 'revoked' });
    expect(revoked.items.map((i) => i.patient.id)).toEqual([zubaida.id]);
    const waiting = await caller.forms.overview({ state: ['sent', 'opened'] });
    expect(waiting.items.map((i) => i.patient.id)).toEqual([quentin.id]);
    expect((await caller.forms.overview({ state: 'locked' })).items).toEqual([]);

    const byName = await caller.forms.overview({ q: 'zubaida' });
    expect(byName.items.map((i) => i.patient.id)).toEqual([zubaida.id]);
    // Counts follow the search (the tabs say how many of what is shown).
    expect(byName.counts).toMatchObject({ sent: 0, revoked: 1 });
    const typo = await caller.forms.overview({ q: 'fernandez' });
    expect(typo.items.map((i) => i.patient.id)).toEqual([quentin.id]);
    const byMrn = await caller.forms.overview({ q: 'ov-000202' });
    expect(byMrn.items.map((i) => i.patient.id)).toEqual([quentin.id]);
    // A record number's start finds every patient whose number starts so.
    const byPrefix = await caller.forms.overview({ q: 'OV-0002' });
    expect(byPrefix.items.map((i) => i.patient.id)).toEqual([quentin.id]);
    expect((await caller.forms.overview({ q: 'OV-000' })).items).toHaveLength(2);
    expect((await caller.forms.overview({ q: 'nobody-like-this' })).items).toEqual([]);
  });

  it('links a submitted request to its submission', async () => {
    const versionId = (
      await t.db.select().from(questionnaireVersions).where(eq(questionnaireVersions.organizationId, a.org.id))
    )[0]?.id;
    if (!versionId) throw new Error('no version');
    const [request] = await t.db
      .insert(formRequests)
      .values(
        linkRow(a, versionId, zubaida.id, {
          submittedAt: new Date(),
          openedAt: new Date(),
          createdAt: new Date(Date.now() - 1000 * DAY),
        }),
      )
      .returning();
    if (!request) throw new Error('no request');
    const submissionId = await insertSubmission(request.id, versionId);
    const page = await callerAs(t.db, frontDesk).forms.overview({ state: 'submitted' });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ id: request.id, submissionId, state: 'submitted' });
  });

  it('pages through rows created at the same instant without gaps or repeats', async () => {
    const clinic = await createClinic(t.db, 'Overview pages');
    const versionId = await versionOf(t.db, clinic);
    const admin = await staffOf(t.db, clinic, 'admin');
    const same = new Date('2026-01-01T00:00:00.123456Z');
    const rows = Array.from({ length: 23 }, (_, i) =>
      linkRow(clinic, versionId, clinic.patient.id, { createdAt: i < 10 ? same : new Date(same.getTime() + i * 1000) }),
    );
    await t.db.insert(formRequests).values(rows);
    // Microseconds a JavaScript Date would drop: the cursor must keep them.
    await t.db.execute(
      sql`update form_requests set created_at = created_at + interval '7 microseconds'
        where organization_id = ${clinic.org.id} and created_at > '2026-01-01T00:00:05Z'`,
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await callerAs(t.db, admin).forms.overview({ limit: 4, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((i) => i.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    const all = await callerAs(t.db, admin).forms.overview({ limit: 100 });
    expect(all.items.map((i) => i.id)).toEqual(seen);
  });

  it("never shows another organization's links", async () => {
    const other = await callerAs(t.db, frontDeskB).forms.overview({});
    expect(other.items).toEqual([]);
    expect(Object.values(other.counts).every((n) => n === 0)).toBe(true);
    const search = await callerAs(t.db, frontDeskB).forms.overview({ q: 'zubaida' });
    expect(search.items).toEqual([]);
  });

  it('refuses bad input naming the field', async () => {
    const caller = callerAs(t.db, frontDesk);
    await expect(caller.forms.overview({ limit: 101 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller.forms.overview({ cursor: 'nonsense' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('cursor'),
    });
    // @ts-expect-error: not a state
    await expect(caller.forms.overview({ state: 'pending' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('is FORBIDDEN to a role without patients:read', async () => {
    // Every role may read patients today; take it from front desk for this test to prove the guard.
    const roles = PERMISSIONS['patients:read'] as unknown as string[];
    const index = roles.indexOf('front_desk');
    roles.splice(index, 1);
    try {
      await expect(callerAs(t.db, frontDesk).forms.overview({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    } finally {
      roles.splice(index, 0, 'front_desk');
    }
    await expect(callerAs(t.db, frontDesk).forms.overview({})).resolves.toBeTruthy();
  });
});

/** A submission written straight to the tables (the public form's path is tested in forms-public.test.ts). */
async function insertSubmission(requestId: string, versionId: string): Promise<string> {
  const [request] = await t.db.select().from(formRequests).where(eq(formRequests.id, requestId));
  if (!request) throw new Error('no request');
  const [file] = await t.db
    .insert(files)
    .values({
      organizationId: request.organizationId,
      purpose: 'signature',
      storageKey: `test/${requestId}.png`,
      contentType: 'image/png',
      size: 1,
      sha256: '0'.repeat(64),
    })
    .returning();
  if (!file) throw new Error('no file');
  const [submission] = await t.db
    .insert(formSubmissions)
    .values({
      organizationId: request.organizationId,
      patientId: request.patientId,
      requestId,
      questionnaireVersionId: versionId,
      version: 1,
      answers: {},
      signatureFileId: file.id,
      confirmedBirthDate: '1990-04-12',
    })
    .returning();
  if (!submission) throw new Error('no submission');
  return submission.id;
}
