import { VITAL_NAMES, type VitalName, vitalProblem } from '@carelane/core';
import { z } from 'zod';

const reading = (name: VitalName) =>
  z
    .number('Enter a number')
    .superRefine((v, c) => {
      const problem = vitalProblem(name, v);
      if (problem) c.addIssue({ code: 'custom', message: problem });
    })
    .optional();

/** Vitals where taken, each within what a body can show (ranges in @carelane/core). */
export const vitalsFields = z
  .object(
    Object.fromEntries(VITAL_NAMES.map((name) => [name, reading(name)])) as Record<
      VitalName,
      ReturnType<typeof reading>
    >,
  )
  .strict()
  .refine((v) => v.systolicMmHg === undefined || v.diastolicMmHg === undefined || v.diastolicMmHg < v.systolicMmHg, {
    path: ['diastolicMmHg'],
    message: 'Diastolic pressure must be below the systolic',
  });
export type VitalsFields = z.infer<typeof vitalsFields>;

const body = z.string().trim().min(1, 'Write the note').max(20_000, 'Keep the note under 20,000 characters');

export const noteListInput = z.object({ patientId: z.uuid('Not a patient id') });
export type NoteListInput = z.infer<typeof noteListInput>;

export const noteCreateInput = z.object({
  patientId: z.uuid('Not a patient id'),
  appointmentId: z.uuid('Not an appointment id').nullish(),
  kind: z.enum(['note', 'session'], 'Choose note or session').default('note'),
  body,
  vitals: vitalsFields.nullish(),
});
export type NoteCreateInput = z.infer<typeof noteCreateInput>;

export const noteAmendInput = z.object({
  noteId: z.uuid('Not a note id'),
  body,
  vitals: vitalsFields.nullish(),
  reason: z.string().trim().min(3, 'Say why the note is amended').max(500, 'Keep the reason under 500 characters'),
});
export type NoteAmendInput = z.infer<typeof noteAmendInput>;
