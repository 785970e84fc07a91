import { buffer } from 'node:stream/consumers';
import { fullName, type SnapshotItem } from '@carelane/core';
import { files, formSubmissions, patients } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { audit } from '../../audit';
import { notFound } from '../../errors';
import type { StaffContext } from '../../trpc';

/**
 * One submission as the patient sent it: the questions as shown with the answers, the version,
 * and the signature (a small PNG, inline as a data URL so it travels only with this checked,
 * audited read). Shared by the submission page and its PDF, so both are checked and audited alike.
 */
export async function readFormSubmission(ctx: StaffContext, id: string) {
  const [row] = await ctx.db
    .select({
      submission: formSubmissions,
      storageKey: files.storageKey,
      firstName: patients.firstName,
      lastName: patients.lastName,
      mrn: patients.mrn,
    })
    .from(formSubmissions)
    .innerJoin(files, eq(files.id, formSubmissions.signatureFileId))
    .innerJoin(patients, eq(patients.id, formSubmissions.patientId))
    .where(ctx.tenant.where(formSubmissions, eq(formSubmissions.id, id)));
  if (!row) throw notFound('Form');
  if (!ctx.files) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'Forms are not set up on this server.' });
  const stored = await ctx.files.get(row.storageKey);
  const signature = stored ? `data:image/png;base64,${(await buffer(stored.body)).toString('base64')}` : null;
  await audit(ctx, {
    action: 'form_submission.read',
    entity: 'form_submission',
    entityId: row.submission.id,
    changes: { patientId: { to: row.submission.patientId } },
  });
  return {
    id: row.submission.id,
    patient: { id: row.submission.patientId, name: fullName(row), mrn: row.mrn },
    version: row.submission.version,
    submittedAt: row.submission.submittedAt,
    confirmedBirthDate: row.submission.confirmedBirthDate,
    answers: row.submission.answers as SnapshotItem[],
    signature,
  };
}
export type FormSubmission = Awaited<ReturnType<typeof readFormSubmission>>;
