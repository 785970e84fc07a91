import type { StaffPrincipal } from '@carelane/auth';
import { auditLog, clinicalNotes } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { callerAs, createClinic, createPatient } from './fixtures';
import { staffOf } from './patient-fixtures';

let t: TestDatabase;
let a: Awaited<ReturnType<typeof createClinic>>;
let author: StaffPrincipal;
let colleague: StaffPrincipal;
let admin: StaffPrincipal;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  a = await createClinic(t.db, 'Clinic A');
  author = await staffOf(t.db, a, 'clinician');
  colleague = await staffOf(t.db, a, 'clinician');
  admin = await staffOf(t.db, a, 'admin');
});
afterAll(() => t.close());

async function noteByAuthor() {
  const patient = await createPatient(t.db, a.org.id);
  const note = await callerAs(t.db, author).clinicalNotes.create({ patientId: patient.id, body: 'Original text' });
  return { patient, note };
}

const notesOf = (patientId: string) =>
  t.db.select({ id: clinicalNotes.id }).from(clinicalNotes).where(eq(clinicalNotes.patientId, patientId));

describe('who may amend a clinical note', () => {
  it('another clinician is FORBIDDEN with a clear sentence, nothing is written, and the attempt is audited', async () => {
    const { patient, note } = await noteByAuthor();
    await expect(
      callerAs(t.db, colleague).clinicalNotes.amend({ noteId: note.id, body: 'Rewritten', reason: 'I disagree' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Only the clinician who wrote this note, or an admin, can amend it. You can add a note of your own.',
    });
    expect(await notesOf(patient.id)).toHaveLength(1);
    const attempts = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, colleague.userId), eq(auditLog.action, 'clinicalNotes.amend')));
    expect(attempts).toHaveLength(1);
    expect(attempts[0]?.success).toBe(false);
  });

  it('amending an amendment is judged by the original note’s author', async () => {
    const { note } = await noteByAuthor();
    const fix = await callerAs(t.db, admin).clinicalNotes.amend({ noteId: note.id, body: 'By admin', reason: 'Typo' });
    // The admin wrote the amendment, but the note is still the author's.
    await expect(
      callerAs(t.db, colleague).clinicalNotes.amend({ noteId: fix.id, body: 'Sneaky', reason: 'Via amendment' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      callerAs(t.db, author).clinicalNotes.amend({ noteId: fix.id, body: 'Final', reason: 'Settled' }),
    ).resolves.toMatchObject({ amendsId: note.id });
  });

  it('the author and an admin may amend; the list says who may', async () => {
    const { patient, note } = await noteByAuthor();
    await expect(
      callerAs(t.db, author).clinicalNotes.amend({ noteId: note.id, body: 'Mine', reason: 'Added detail' }),
    ).resolves.toMatchObject({ amendsId: note.id });
    await expect(
      callerAs(t.db, admin).clinicalNotes.amend({ noteId: note.id, body: 'Admin', reason: 'Record fix' }),
    ).resolves.toMatchObject({ amendsId: note.id });
    const canAmend = async (who: StaffPrincipal) =>
      (await callerAs(t.db, who).clinicalNotes.list({ patientId: patient.id })).notes.map((n) => n.canAmend);
    expect(await canAmend(author)).toEqual([true]);
    expect(await canAmend(admin)).toEqual([true]);
    expect(await canAmend(colleague)).toEqual([false]);
    // Roles that cannot write notes at all are never offered amending, their own or not.
    expect(await canAmend(await staffOf(t.db, a, 'front_desk'))).toEqual([false]);
  });
});
