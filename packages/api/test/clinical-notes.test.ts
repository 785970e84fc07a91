import type { StaffPrincipal } from '@carelane/auth';
import { auditLog, clinicalNotes } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { callerAs, createClinic, createPatient } from './fixtures';
import { insertVisit, staffOf } from './patient-fixtures';

let t: TestDatabase;
let a: Awaited<ReturnType<typeof createClinic>>;
let b: Awaited<ReturnType<typeof createClinic>>;
let clinician: StaffPrincipal;
let admin: StaffPrincipal;
let frontDesk: StaffPrincipal;
let care: StaffPrincipal;
let adminB: StaffPrincipal;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  a = await createClinic(t.db, 'Clinic A');
  b = await createClinic(t.db, 'Clinic B');
  clinician = await staffOf(t.db, a, 'clinician');
  admin = await staffOf(t.db, a, 'admin');
  frontDesk = await staffOf(t.db, a, 'front_desk');
  care = await staffOf(t.db, a, 'care_coordinator');
  adminB = await staffOf(t.db, b, 'admin');
});
afterAll(() => t.close());

describe('clinical notes', () => {
  it('a clinician writes a session with vitals for a visit and amends it; the original stays', async () => {
    const patient = await createPatient(t.db, a.org.id);
    const visit = await insertVisit(t.db, a, patient.id, -3);
    const caller = callerAs(t.db, clinician);
    const note = await caller.clinicalNotes.create({
      patientId: patient.id,
      appointmentId: visit.id,
      kind: 'session',
      body: 'BP high, advised salt restriction',
      vitals: { systolicMmHg: 150, diastolicMmHg: 95, pulsePerMin: 82, weightKg: 78.5 },
    });
    const fix = await callerAs(t.db, admin).clinicalNotes.amend({
      noteId: note.id,
      body: 'BP high (150/95), advised salt restriction and review in 2 weeks',
      reason: 'Added the follow-up',
    });
    // Amending the amendment still amends the original: one flat history.
    const fix2 = await caller.clinicalNotes.amend({ noteId: fix.id, body: 'Final text', reason: 'Typo' });
    expect(fix2.amendsId).toBe(note.id);

    const list = await caller.clinicalNotes.list({ patientId: patient.id });
    expect(list.textVisible).toBe(true);
    expect(list.notes).toHaveLength(1);
    expect(list.notes[0]).toMatchObject({
      id: note.id,
      kind: 'session',
      body: 'BP high, advised salt restriction',
      vitals: { systolicMmHg: 150, diastolicMmHg: 95, pulsePerMin: 82, weightKg: 78.5 },
      visit: { id: visit.id },
      author: { id: clinician.userId },
      amended: true,
    });
    expect(list.notes[0]?.amendments.map((m) => ('body' in m ? m.amendReason : null))).toEqual([
      'Added the follow-up',
      'Typo',
    ]);
    const reads = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, patient.id), eq(auditLog.action, 'clinical_note.read')));
    expect(reads).toHaveLength(1);
    expect(reads[0]?.actorId).toBe(clinician.userId);
    // The audit of a note's creation names fields, never the text.
    const [created] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, note.id));
    expect(JSON.stringify(created?.changes)).not.toContain('salt');
  });

  it('front desk and care coordinators see that notes exist, never their text or vitals', async () => {
    const patient = await createPatient(t.db, a.org.id);
    const note = await callerAs(t.db, clinician).clinicalNotes.create({
      patientId: patient.id,
      body: 'Confidential: anxiety, started therapy',
      vitals: { temperatureC: 37.2 },
    });
    await callerAs(t.db, clinician).clinicalNotes.amend({
      noteId: note.id,
      body: 'Secret amendment',
      reason: 'More detail',
    });
    for (const who of [frontDesk, care]) {
      const list = await callerAs(t.db, who).clinicalNotes.list({ patientId: patient.id });
      expect(list.textVisible).toBe(false);
      expect(list.notes).toHaveLength(1);
      expect(list.notes[0]).toMatchObject({
        id: note.id,
        kind: 'note',
        amended: true,
        author: { id: clinician.userId },
      });
      const text = JSON.stringify(list);
      expect(text).not.toContain('Confidential');
      expect(text).not.toContain('Secret');
      expect(text).not.toContain('37.2');
      expect(text).not.toContain('More detail');
    }
    const listed = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, patient.id), eq(auditLog.action, 'clinical_note.list')));
    expect(listed).toHaveLength(2);
  });

  it('only clinicians and admins write notes', async () => {
    await expect(
      callerAs(t.db, frontDesk).clinicalNotes.create({ patientId: a.patient.id, body: 'x' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      callerAs(t.db, care).clinicalNotes.amend({ noteId: crypto.randomUUID(), body: 'x', reason: 'why not' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses impossible vitals and a visit of another patient, naming the field and writing nothing', async () => {
    const patient = await createPatient(t.db, a.org.id);
    const otherVisit = await insertVisit(t.db, a, a.patient.id, -2);
    const caller = callerAs(t.db, clinician);
    const fieldOf = async (input: Parameters<typeof caller.clinicalNotes.create>[0]) => {
      const error = await caller.clinicalNotes.create(input).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'BAD_REQUEST' });
      return ((error as { cause?: { issues?: { path: unknown[] }[] } }).cause?.issues ?? []).map((i) =>
        i.path.join('.'),
      );
    };
    expect(await fieldOf({ patientId: patient.id, body: 'x', vitals: { temperatureC: 98.6 } })).toContain(
      'vitals.temperatureC',
    );
    expect(
      await fieldOf({ patientId: patient.id, body: 'x', vitals: { systolicMmHg: 80, diastolicMmHg: 120 } }),
    ).toContain('vitals.diastolicMmHg');
    expect(await fieldOf({ patientId: patient.id, body: '   ' })).toContain('body');
    expect(await fieldOf({ patientId: patient.id, body: 'x', appointmentId: otherVisit.id })).toContain(
      'appointmentId',
    );
    const rows = await t.db.select().from(clinicalNotes).where(eq(clinicalNotes.patientId, patient.id));
    expect(rows).toHaveLength(0);
  });

  it("another organization's patient and note are NOT_FOUND", async () => {
    const note = await callerAs(t.db, clinician).clinicalNotes.create({ patientId: a.patient.id, body: 'Private' });
    const caller = callerAs(t.db, adminB);
    await expect(caller.clinicalNotes.list({ patientId: a.patient.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.clinicalNotes.create({ patientId: a.patient.id, body: 'x' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(caller.clinicalNotes.amend({ noteId: note.id, body: 'x', reason: 'mine now' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const failed = await t.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.entityId, a.patient.id), eq(auditLog.success, false), eq(auditLog.actorId, adminB.userId)),
      );
    expect(failed.length).toBeGreaterThan(0);
  });
});
