import {
  FORM_LINK_MAX_BIRTH_DATE_ATTEMPTS,
  type FormRequestState,
  formRequestState,
  isFormToken,
  type Questionnaire,
} from '@carelane/core';
import { formRequests, organizations, patients, questionnaireVersions } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { eq, sql } from 'drizzle-orm';
import { audit } from '../../audit';
import type { Context } from '../../context';
import { fieldError } from '../../field-error';
import type { ConfirmFormInput, OpenFormInput } from './public.schema';
import { formTokenHash, issueFormPass } from './token';

/*
 * The public side of a form link (/forms/<token>): no sign-in, nothing about the patient until
 * the birth date is confirmed, and the same answer for a link that never existed as for a
 * mistyped one. Rate limited per IP and per token.
 */

/** What a closed link says; never who it was for. */
const CLOSED_MESSAGES: Record<Exclude<FormRequestState, 'sent' | 'opened'>, string> = {
  submitted: 'This form has been sent to the clinic. Thank you.',
  expired: 'This link has expired. Please ask the clinic for a new one.',
  revoked: 'This link is no longer valid. Please ask the clinic for a new one.',
  locked: 'This link is locked after too many wrong dates of birth. Please ask the clinic for a new one.',
};

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

async function findLink(ctx: Context, token: string) {
  if (!isFormToken(token)) return null;
  const [row] = await ctx.db
    .select({ link: formRequests, clinic: organizations.name })
    .from(formRequests)
    .innerJoin(organizations, eq(organizations.id, formRequests.organizationId))
    .where(eq(formRequests.tokenHash, formTokenHash(token)));
  return row ?? null;
}

/** Opening the link: the clinic's name and whether it can be filled in; marks it opened. */
export async function openFormHandler({ ctx, input }: { ctx: Context; input: OpenFormInput }) {
  await limit(ctx, input.token);
  const found = await findLink(ctx, input.token);
  if (!found) throw unknownLink();
  const { link, clinic } = found;
  const state = formRequestState(link, new Date());
  if (state !== 'sent' && state !== 'opened')
    return { state, message: CLOSED_MESSAGES[state], clinic: { name: clinic } };
  if (!link.openedAt) {
    await ctx.db.update(formRequests).set({ openedAt: sql`now()` }).where(eq(formRequests.id, link.id));
    await audit(ctx, {
      action: 'form_request.open',
      entity: 'form_request',
      entityId: link.id,
      organizationId: link.organizationId,
    });
  }
  return { state: 'ready' as const, message: null, clinic: { name: clinic } };
}

/**
 * The patient confirms who they are with their date of birth. A wrong date counts (committed
 * before the error is returned); the fifth locks the link. A right one returns a pass for
 * answering and the questions of the version the link was made for.
 */
export async function confirmFormHandler({ ctx, input }: { ctx: Context; input: ConfirmFormInput }) {
  await limit(ctx, input.token);
  const found = await findLink(ctx, input.token);
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
  if (outcome.kind === 'closed') {
    throw new TRPCError({ code: 'CONFLICT', message: CLOSED_MESSAGES[outcome.state as keyof typeof CLOSED_MESSAGES] });
  }
  if (outcome.kind === 'wrong') {
    if (outcome.left <= 0) throw new TRPCError({ code: 'FORBIDDEN', message: CLOSED_MESSAGES.locked });
    throw fieldError(
      'birthDate',
      `That date of birth does not match our records. ${outcome.left === 1 ? '1 try' : `${outcome.left} tries`} left.`,
    );
  }
  return {
    pass: issueFormPass(ctx.secret, outcome.linkId),
    clinic: { name: found.clinic },
    version: outcome.version,
    questionnaire: outcome.questionnaire,
  };
}
