import {
  channelRecipient,
  channelRefusal,
  DEFAULT_QUESTIONNAIRES,
  formRequestState,
  formRequestUsable,
} from '@carelane/core';
import {
  enqueueNotification,
  formRequests,
  formSubmissions,
  organizations,
  questionnaireVersions,
  staffUsers,
} from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { desc, eq } from 'drizzle-orm';
import { audit } from '../../audit';
import { notFound } from '../../errors';
import { fieldError } from '../../field-error';
import { deliverNow } from '../../messaging/deliver-now';
import type { StaffContext } from '../../trpc';
import { loadPatient, requireLive } from '../patients/load';
import { formLinkColumns } from './link-columns';
import type { CreateFormLinkInput, PatientFormsInput, RevokeFormLinkInput } from './links.schema';
import { insertVersion, latestQuestionnaire } from './questionnaire-versions';
import { formTokenHash, newFormToken } from './token';

const DAY_MS = 86_400_000;

/** "28 November" in the organization's zone: the last day the link works, for the message. */
function lastDay(expiresAt: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-IN', { day: 'numeric', month: 'long', timeZone: zone }).format(expiresAt);
}

/**
 * A link for one patient to fill in the organization's current questions. The token is in the
 * returned URL only (built from the configured public address, never the request's Host); the
 * database keeps its hash. Before anything is published, the general default is published as
 * version 1, so a link always names a version. With `sendVia`, the link is also queued in the
 * outbox (sealed, as it is a credential) in the same transaction, if the patient agreed to it.
 */
export async function createFormLinkHandler({ ctx, input }: { ctx: StaffContext; input: CreateFormLinkInput }) {
  if (!ctx.formsUrl) {
    throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'Form links are not set up on this server.' });
  }
  const { organizationId } = ctx.tenant;
  const token = newFormToken();
  const url = `${ctx.formsUrl.replace(/\/$/, '')}/forms/${token}`;
  const request = await ctx.db.transaction(async (tx) => {
    const patient = await loadPatient(tx, ctx, input.patientId);
    await requireLive(tx, patient);
    if (!patient.birthDate) {
      // The patient confirms their date of birth before seeing anything; without one on record they could not.
      throw new TRPCError({
        code: 'PRECONDITION_FAILED',
        message: "Add the patient's date of birth first: the form asks for it to confirm who is answering.",
      });
    }
    const refusal = input.sendVia ? channelRefusal(patient, input.sendVia) : null;
    if (refusal) throw fieldError('sendVia', refusal);
    let version = await latestQuestionnaire(tx, ctx.tenant);
    version ??= await insertVersion(tx, ctx, 1, DEFAULT_QUESTIONNAIRES.general);
    const [row] = await tx
      .insert(formRequests)
      .values(
        ctx.tenant.row({
          patientId: patient.id,
          questionnaireVersionId: version.id,
          tokenHash: formTokenHash(token),
          expiresAt: new Date(Date.now() + input.validDays * DAY_MS),
          createdById: ctx.principal.userId,
          sentVia: input.sendVia ? [input.sendVia] : [],
        }),
      )
      .returning();
    if (!row) throw new Error('Insert returned no row');
    const recipient = input.sendVia ? channelRecipient(patient, input.sendVia) : null;
    let notificationId: string | null = null;
    if (input.sendVia && recipient) {
      const [org] = await tx
        .select({ name: organizations.name, zone: organizations.defaultZone })
        .from(organizations)
        .where(ctx.tenant.organization());
      notificationId = await enqueueNotification(
        tx,
        {
          organizationId,
          channel: input.sendVia,
          kind: 'form_link',
          language: patient.language === 'hi' ? 'hi' : 'en',
          recipient,
          payload: { organizationName: org?.name, until: lastDay(row.expiresAt, org?.zone ?? 'UTC') },
          secret: { link: url },
          patientId: patient.id,
        },
        ctx.secret,
      );
    }
    await audit(
      ctx,
      {
        action: 'form_request.create',
        entity: 'form_request',
        entityId: row.id,
        changes: {
          patientId: { to: patient.id },
          version: { to: version.version },
          expiresAt: { to: row.expiresAt.toISOString() },
          ...(input.sendVia ? { sentVia: { to: input.sendVia } } : {}),
        },
      },
      tx,
    );
    return { ...row, version: version.version, notificationId };
  });
  // Sent at once after commit; the worker retries whatever this attempt leaves behind.
  if (request.notificationId) {
    await deliverNow(ctx, request.notificationId);
  }
  return {
    id: request.id,
    url,
    expiresAt: request.expiresAt,
    version: request.version,
    sentVia: input.sendVia ?? null,
  };
}

/** The patient's form links with where each stands, and what they submitted (dates and versions, not answers). */
export async function patientFormsHandler({ ctx, input }: { ctx: StaffContext; input: PatientFormsInput }) {
  const patient = await loadPatient(ctx.db, ctx, input.patientId);
  const now = new Date();
  const [links, submissions] = await Promise.all([
    ctx.db
      .select({
        ...formLinkColumns,
      })
      .from(formRequests)
      .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, formRequests.questionnaireVersionId))
      .innerJoin(staffUsers, eq(staffUsers.id, formRequests.createdById))
      .where(ctx.tenant.where(formRequests, eq(formRequests.patientId, patient.id)))
      .orderBy(desc(formRequests.createdAt)),
    ctx.db
      .select({ id: formSubmissions.id, version: formSubmissions.version, submittedAt: formSubmissions.submittedAt })
      .from(formSubmissions)
      .where(ctx.tenant.where(formSubmissions, eq(formSubmissions.patientId, patient.id)))
      .orderBy(desc(formSubmissions.submittedAt)),
  ]);
  return {
    links: links.map((link) => ({ ...link, state: formRequestState(link, now) })),
    submissions,
  };
}

/** Ends a link that is still usable; one already used, expired, locked or revoked is a CONFLICT saying which. */
export async function revokeFormLinkHandler({ ctx, input }: { ctx: StaffContext; input: RevokeFormLinkInput }) {
  return ctx.db.transaction(async (tx) => {
    const [link] = await tx
      .select()
      .from(formRequests)
      .where(ctx.tenant.where(formRequests, eq(formRequests.id, input.id)))
      .for('update');
    if (!link) throw notFound('Form link');
    const now = new Date();
    if (!formRequestUsable(link, now)) {
      throw new TRPCError({
        code: 'CONFLICT',
        message: `This link is already ${formRequestState(link, now)}; there is nothing to revoke.`,
      });
    }
    await tx
      .update(formRequests)
      .set({ revokedAt: now, revokedById: ctx.principal.userId })
      .where(eq(formRequests.id, link.id));
    await audit(ctx, { action: 'form_request.revoke', entity: 'form_request', entityId: link.id }, tx);
    return { id: link.id, state: 'revoked' as const };
  });
}
