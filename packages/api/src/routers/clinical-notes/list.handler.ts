import { can } from '@carelane/auth';
import { mayAmendNote } from '@carelane/core';
import { appointments, clinicalNotes, staffUsers } from '@carelane/db';
import { asc, eq } from 'drizzle-orm';
import { audit } from '../../audit';
import type { StaffContext } from '../../trpc';
import { loadPatient } from '../patients/load';
import type { NoteListInput } from './notes.schema';

type NoteRow = {
  id: string;
  kind: 'note' | 'session';
  createdAt: Date;
  amendsId: string | null;
  amendReason: string | null;
  body: string;
  vitals: Record<string, number | undefined> | null;
  author: { id: string; name: string };
  visit: { id: string; startsAt: Date } | null;
};

/** What every reader sees of a note; the text, vitals and reasons only for those allowed to read them. */
function shown(row: NoteRow, withText: boolean) {
  const base = { id: row.id, kind: row.kind, createdAt: row.createdAt, author: row.author, visit: row.visit };
  return withText ? { ...base, body: row.body, vitals: row.vitals, amendReason: row.amendReason } : base;
}

/**
 * A patient's notes and sessions, oldest amendment last under each note, newest note first.
 * Front desk, care coordinators and managers learn that a note exists (when, by whom, which
 * visit, amended or not), never its text. Each read is audited, saying whether text was shown.
 * `canAmend` says whether the reader may amend each note, so the page offers only what works.
 */
export async function noteListHandler({ ctx, input }: { ctx: StaffContext; input: NoteListInput }) {
  const withText = can(ctx.principal.role, 'clinical_notes:read');
  const writes = can(ctx.principal.role, 'clinical_notes:write');
  const action = withText ? 'clinical_note.read' : 'clinical_note.list';
  const patient = await loadPatient(ctx.db, ctx, input.patientId).catch(async (error: unknown) => {
    await audit(ctx, { action, entity: 'patient', entityId: input.patientId, success: false });
    throw error;
  });
  const rows: NoteRow[] = await ctx.db
    .select({
      id: clinicalNotes.id,
      kind: clinicalNotes.kind,
      createdAt: clinicalNotes.createdAt,
      amendsId: clinicalNotes.amendsId,
      amendReason: clinicalNotes.amendReason,
      body: clinicalNotes.body,
      vitals: clinicalNotes.vitals,
      author: { id: staffUsers.id, name: staffUsers.name },
      visit: { id: appointments.id, startsAt: appointments.startsAt },
    })
    .from(clinicalNotes)
    .innerJoin(staffUsers, eq(staffUsers.id, clinicalNotes.authorId))
    .leftJoin(appointments, eq(appointments.id, clinicalNotes.appointmentId))
    .where(ctx.tenant.where(clinicalNotes, eq(clinicalNotes.patientId, patient.id)))
    .orderBy(asc(clinicalNotes.createdAt), asc(clinicalNotes.id));
  await audit(ctx, { action, entity: 'patient', entityId: patient.id });

  const amendments = new Map<string, ReturnType<typeof shown>[]>();
  for (const row of rows) {
    if (!row.amendsId) continue;
    amendments.set(row.amendsId, [...(amendments.get(row.amendsId) ?? []), shown(row, withText)]);
  }
  const notes = rows
    .filter((row) => !row.amendsId)
    .reverse()
    .map((row) => {
      const own = amendments.get(row.id) ?? [];
      const canAmend = writes && mayAmendNote(ctx.principal, { authorId: row.author.id });
      return { ...shown(row, withText), amended: own.length > 0, amendments: own, canAmend };
    });
  return { textVisible: withText, notes };
}
