import { mayAmendNote } from '@carelane/core';
import { appointments, clinicalNotes } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { audit } from '../../audit';
import { notFound } from '../../errors';
import { fieldError } from '../../field-error';
import type { StaffContext } from '../../trpc';
import { loadPatient, requireLive } from '../patients/load';
import type { NoteAmendInput, NoteCreateInput } from './notes.schema';

/** A note or session record by the signed-in clinician, free-standing or for one of the patient's visits. */
export async function noteCreateHandler({ ctx, input }: { ctx: StaffContext; input: NoteCreateInput }) {
  return ctx.db.transaction(async (tx) => {
    const patient = await loadPatient(tx, ctx, input.patientId);
    await requireLive(tx, patient);
    if (input.appointmentId) {
      const [visit] = await tx
        .select({ patientId: appointments.patientId })
        .from(appointments)
        .where(ctx.tenant.where(appointments, eq(appointments.id, input.appointmentId)));
      if (!visit) throw notFound('Appointment');
      if (visit.patientId !== patient.id) throw fieldError('appointmentId', 'That visit belongs to another patient');
    }
    const [note] = await tx
      .insert(clinicalNotes)
      .values(
        ctx.tenant.row({
          patientId: patient.id,
          appointmentId: input.appointmentId ?? null,
          authorId: ctx.principal.userId,
          kind: input.kind,
          body: input.body,
          vitals: input.vitals ?? null,
        }),
      )
      .returning({ id: clinicalNotes.id, createdAt: clinicalNotes.createdAt });
    if (!note) throw new Error('Insert returned no row');
    await audit(
      ctx,
      {
        action: 'clinical_note.create',
        entity: 'clinical_note',
        entityId: note.id,
        changes: {
          patientId: { to: patient.id },
          kind: { to: input.kind },
          body: {},
          ...(input.vitals ? { vitals: {} } : {}),
        },
      },
      tx,
    );
    return note;
  });
}

/**
 * Corrects a note by adding an amendment: the original stays as written (the table refuses
 * rewrites). Amending an amendment amends the original, so each note has one flat history.
 * Only the original's author or an admin may amend (core's mayAmendNote).
 */
export async function noteAmendHandler({ ctx, input }: { ctx: StaffContext; input: NoteAmendInput }) {
  return ctx.db.transaction(async (tx) => {
    const [target] = await tx
      .select()
      .from(clinicalNotes)
      .where(ctx.tenant.where(clinicalNotes, eq(clinicalNotes.id, input.noteId)));
    if (!target) throw notFound('Note');
    const [original] = target.amendsId
      ? await tx
          .select()
          .from(clinicalNotes)
          .where(ctx.tenant.where(clinicalNotes, eq(clinicalNotes.id, target.amendsId)))
      : [target];
    if (!original) throw notFound('Note');
    if (!mayAmendNote(ctx.principal, original)) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: 'Only the clinician who wrote this note, or an admin, can amend it. You can add a note of your own.',
      });
    }
    await requireLive(tx, await loadPatient(tx, ctx, original.patientId));
    const [note] = await tx
      .insert(clinicalNotes)
      .values(
        ctx.tenant.row({
          patientId: original.patientId,
          appointmentId: original.appointmentId,
          authorId: ctx.principal.userId,
          kind: original.kind,
          body: input.body,
          vitals: input.vitals ?? null,
          amendsId: original.id,
          amendReason: input.reason,
        }),
      )
      .returning({ id: clinicalNotes.id, createdAt: clinicalNotes.createdAt, amendsId: clinicalNotes.amendsId });
    if (!note) throw new Error('Insert returned no row');
    await audit(
      ctx,
      {
        action: 'clinical_note.amend',
        entity: 'clinical_note',
        entityId: note.id,
        changes: { amendsId: { to: original.id }, body: {}, amendReason: {} },
      },
      tx,
    );
    return note;
  });
}
