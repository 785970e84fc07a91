import { randomUUID } from 'node:crypto';
import {
  answerProblems,
  FORM_LINK_MAX_BIRTH_DATE_ATTEMPTS,
  type FormRequestState,
  formRequestState,
  latestToday,
  normaliseAnswers,
  type Questionnaire,
  snapshotQuestions,
} from '@carelane/core';
import { files, formRequests, formSubmissions, patients, questionnaireVersions } from '@carelane/db';
import { ImageRejectedError, inspectImage } from '@carelane/integrations/files';
import { TRPCError } from '@trpc/server';
import { eq, sql } from 'drizzle-orm';
import { audit } from '../../audit';
import type { Context } from '../../context';
import { fieldError, fieldErrors } from '../../field-error';
import { findFormLink } from './find-link';
import type { ConfirmFormInput, OpenFormInput, SubmitFormInput } from './public.schema';
import { checkFormPass, formTokenHash, issueFormPass } from './token';

/*
 * The public side of a form link (/forms/<token>): no sign-in, nothing about the patient until
 * the birth date is confirmed, and the same answer for a link that never existed as for a
 * mistyped one. Rate limited per IP and per token.
 */

type ClosedState = Exclude<FormRequestState, 'sent' | 'opened'>;

/** What a closed link says; never who it was for. */
const CLOSED_MESSAGES: Record<ClosedState, string> = {
  submitted: 'This form has been sent to the clinic. Thank you.',
  expired: 'This link has expired. Please ask the clinic for a new one.',
  revoked: 'This link is no longer valid. Please ask the clinic for a new one.',
  locked: 'This link is locked after too many wrong dates of birth. Please ask the clinic for a new one.',
};

const closedConflict = (state: ClosedState) => new TRPCError({ code: 'CONFLICT', message: CLOSED_MESSAGES[state] });

const unknownLink = () =>
  new TRPCError({
    code: 'NOT_FOUND',
    message: 'This link is not valid. Please check it, or ask the clinic for a new one.',
  });

async function limit(ctx: Context, token: string) {
  await ctx.rateLimits.consume([
    ['formIp', ctx.ip ?? 'unknown'],
    ['formToken', formTokenHash(token)],
  ]);
}

/** Opening the link: the clinic's name and whether it can be filled in; marks it opened. */
export async function openFormHandler({ ctx, input }: { ctx: Context; input: OpenFormInput }) {
  await limit(ctx, input.token);
  const found = await findFormLink(ctx.db, input.token);
  if (!found) throw unknownLink();
  const { link, clinic } = found;
  const state = formRequestState(link, new Date());
  if (state !== 'sent' && state !== 'opened') return { state, message: CLOSED_MESSAGES[state], clinic };
  if (!link.openedAt) {
    await ctx.db.update(formRequests).set({ openedAt: sql`now()` }).where(eq(formRequests.id, link.id));
    await audit(ctx, {
      action: 'form_request.open',
      entity: 'form_request',
      entityId: link.id,
      organizationId: link.organizationId,
    });
  }
  return { state: 'ready' as const, message: null, clinic };
}

/**
 * The patient confirms who they are with their date of birth. A wrong date counts (committed
 * before the error is returned); the fifth locks the link. A right one returns a pass for
 * answering and the questions of the version the link was made for.
 */
export async function confirmFormHandler({ ctx, input }: { ctx: Context; input: ConfirmFormInput }) {
  await limit(ctx, input.token);
  const found = await findFormLink(ctx.db, input.token);
  if (!found) throw unknownLink();
  const outcome = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        link: formRequests,
        birthDate: patients.birthDate,
        questions: questionnaireVersions.questions,
        version: questionnaireVersions.version,
      })
      .from(formRequests)
      .innerJoin(patients, eq(patients.id, formRequests.patientId))
      .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, formRequests.questionnaireVersionId))
      .where(eq(formRequests.id, found.link.id))
      .for('update', { of: formRequests });
    if (!row) throw unknownLink();
    const state = formRequestState(row.link, new Date());
    if (state !== 'sent' && state !== 'opened') return { kind: 'closed' as const, state };
    if (row.birthDate !== input.birthDate) {
      const attempts = row.link.failedBirthDateAttempts + 1;
      const locked = attempts >= FORM_LINK_MAX_BIRTH_DATE_ATTEMPTS;
      await tx
        .update(formRequests)
        .set({ failedBirthDateAttempts: attempts, ...(locked ? { lockedAt: sql`now()` } : {}) })
        .where(eq(formRequests.id, row.link.id));
      await audit(
        ctx,
        {
          action: locked ? 'form_request.lock' : 'form_request.birth_date_mismatch',
          entity: 'form_request',
          entityId: row.link.id,
          success: false,
          organizationId: row.link.organizationId,
        },
        tx,
      );
      return { kind: 'wrong' as const, left: FORM_LINK_MAX_BIRTH_DATE_ATTEMPTS - attempts };
    }
    await audit(
      ctx,
      {
        action: 'form_request.confirm',
        entity: 'form_request',
        entityId: row.link.id,
        organizationId: row.link.organizationId,
      },
      tx,
    );
    return {
      kind: 'confirmed' as const,
      linkId: row.link.id,
      questionnaire: row.questions as Questionnaire,
      version: row.version,
    };
  });
  if (outcome.kind === 'closed') throw closedConflict(outcome.state);
  if (outcome.kind === 'wrong') {
    if (outcome.left <= 0) throw new TRPCError({ code: 'FORBIDDEN', message: CLOSED_MESSAGES.locked });
    throw fieldError(
      'birthDate',
      `That date of birth does not match our records. ${outcome.left === 1 ? '1 try' : `${outcome.left} tries`} left.`,
    );
  }
  return {
    pass: issueFormPass(ctx.secret, outcome.linkId),
    clinic: found.clinic,
    version: outcome.version,
    questionnaire: outcome.questionnaire,
  };
}

/**
 * Sends the answers and the signature, once. The pass from `confirm` must be this link's and
 * fresh; answers are checked against the version the link was made for and stored as shown
 * (question text with each answer), with the signature as a PNG file. The link is used up in
 * the same transaction, so a second submit is a CONFLICT and never a second record.
 */
export async function submitFormHandler({ ctx, input }: { ctx: Context; input: SubmitFormInput }) {
  await limit(ctx, input.token);
  const found = await findFormLink(ctx.db, input.token);
  if (!found) throw unknownLink();
  if (!checkFormPass(ctx.secret, found.link.id, input.pass)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Please confirm your date of birth again to send the form.' });
  }
  const store = ctx.files;
  if (!store) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'Forms are not set up on this server.' });
  const now = new Date();
  const state = formRequestState(found.link, now);
  if (state !== 'sent' && state !== 'opened') throw closedConflict(state);

  const [version] = await ctx.db
    .select({ questions: questionnaireVersions.questions, version: questionnaireVersions.version })
    .from(questionnaireVersions)
    .where(eq(questionnaireVersions.id, found.link.questionnaireVersionId));
  if (!version) throw unknownLink();
  const questionnaire = version.questions as Questionnaire;
  const problems = answerProblems(questionnaire, input.answers, latestToday(now));
  if (problems.length > 0) {
    throw fieldErrors(problems.map((p) => ({ field: `answers.${p.questionId}`, message: p.message })));
  }
  const answers = normaliseAnswers(questionnaire, input.answers);

  const png = Buffer.from(input.signature.slice(input.signature.indexOf(',') + 1), 'base64');
  try {
    const image = await inspectImage(png, { maxBytes: 1024 * 1024, subject: 'The signature' });
    if (image.contentType !== 'image/png') throw new ImageRejectedError('type', 'The signature must be a PNG image');
  } catch (error) {
    if (error instanceof ImageRejectedError) throw fieldError('signature', error.message);
    throw error;
  }
  const key = `signatures/${found.link.organizationId}/${randomUUID()}.png`;
  const stored = await store.put(key, png, { contentType: 'image/png' });
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .select({ link: formRequests, birthDate: patients.birthDate })
        .from(formRequests)
        .innerJoin(patients, eq(patients.id, formRequests.patientId))
        .where(eq(formRequests.id, found.link.id))
        .for('update', { of: formRequests });
      if (!row?.birthDate) throw unknownLink();
      const current = formRequestState(row.link, new Date());
      // Another tab sent it (or staff revoked it) while this one was answering.
      if (current !== 'sent' && current !== 'opened') throw closedConflict(current);
      const [file] = await tx
        .insert(files)
        .values({
          organizationId: row.link.organizationId,
          purpose: 'signature',
          storageKey: stored.key,
          contentType: 'image/png',
          size: stored.size,
          sha256: stored.sha256,
        })
        .returning({ id: files.id });
      const [submission] = await tx
        .insert(formSubmissions)
        .values({
          organizationId: row.link.organizationId,
          patientId: row.link.patientId,
          requestId: row.link.id,
          questionnaireVersionId: row.link.questionnaireVersionId,
          version: version.version,
          answers: snapshotQuestions(questionnaire, answers),
          signatureFileId: file?.id ?? '',
          confirmedBirthDate: row.birthDate,
        })
        .returning({ id: formSubmissions.id });
      await tx.update(formRequests).set({ submittedAt: sql`now()` }).where(eq(formRequests.id, row.link.id));
      await audit(
        ctx,
        {
          action: 'form_submission.create',
          entity: 'form_submission',
          entityId: submission?.id ?? null,
          organizationId: row.link.organizationId,
          changes: { version: { to: version.version }, answered: { to: Object.keys(answers).length } },
        },
        tx,
      );
      return { state: 'submitted' as const, message: CLOSED_MESSAGES.submitted };
    });
  } catch (error) {
    // Nothing refers to the stored signature when the submission did not commit.
    await store.delete(stored.key).catch(() => {});
    throw error;
  }
}
