import { checkTemplate, defaultTemplate } from '@carelane/core';
import { messageTemplates } from '@carelane/db';
import { eq } from 'drizzle-orm';
import { audit, diff } from '../../audit';
import { fieldErrors } from '../../field-error';
import type { StaffContext } from '../../trpc';
import type { SaveTemplateInput, TemplateKeyInput } from './schema';

function keyOf(ctx: StaffContext, input: TemplateKeyInput) {
  return ctx.tenant.where(
    messageTemplates,
    eq(messageTemplates.kind, input.kind),
    eq(messageTemplates.channel, input.channel),
    eq(messageTemplates.language, input.language),
  );
}

/**
 * Saves the organization's wording after the same check the editor runs as you type, so a missing
 * variable is refused now rather than found when a message is sent. Over-long SMS are problems too.
 */
export async function saveTemplateHandler({ ctx, input }: { ctx: StaffContext; input: SaveTemplateInput }) {
  const { kind, channel, language } = input;
  // Only email has a subject; an empty one elsewhere is stored as none.
  const subject = channel === 'email' ? (input.subject ?? '') : (input.subject ?? '').trim() || undefined;
  const problems = checkTemplate(kind, { subject, body: input.body }, channel, language);
  if (problems.length > 0) throw fieldErrors(problems);
  const stored = { subject: channel === 'email' ? (subject ?? null) : null, body: input.body };

  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ subject: messageTemplates.subject, body: messageTemplates.body })
      .from(messageTemplates)
      .where(keyOf(ctx, input))
      .for('update');
    const fallback = defaultTemplate(kind, channel, language);
    const before = row ?? { subject: fallback.subject ?? null, body: fallback.body };
    const [saved] = await tx
      .insert(messageTemplates)
      .values(ctx.tenant.row({ kind, channel, language, ...stored, updatedById: ctx.principal.userId }))
      .onConflictDoUpdate({
        target: [
          messageTemplates.organizationId,
          messageTemplates.kind,
          messageTemplates.channel,
          messageTemplates.language,
        ],
        set: { ...stored, updatedById: ctx.principal.userId, updatedAt: new Date() },
      })
      .returning({ id: messageTemplates.id });
    await audit(
      ctx,
      {
        action: 'message_template.update',
        entity: 'message_template',
        entityId: saved?.id ?? null,
        changes: { template: { to: `${kind}/${channel}/${language}` }, ...diff(before, stored) },
      },
      tx,
    );
  });
  return { ok: true as const };
}

/** Drops the organization's wording, so the default applies again. */
export async function resetTemplateHandler({ ctx, input }: { ctx: StaffContext; input: TemplateKeyInput }) {
  await ctx.db.transaction(async (tx) => {
    const removed = await tx.delete(messageTemplates).where(keyOf(ctx, input)).returning({ id: messageTemplates.id });
    await audit(
      ctx,
      {
        action: 'message_template.reset',
        entity: 'message_template',
        entityId: removed[0]?.id ?? null,
        changes: { template: { from: `${input.kind}/${input.channel}/${input.language}` } },
      },
      tx,
    );
  });
  return { ok: true as const };
}
