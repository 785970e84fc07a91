import type { Questionnaire } from '@carelane/core';
import { type DbOrTx, questionnaireVersions } from '@carelane/db';
import { desc } from 'drizzle-orm';
import { audit } from '../../audit';
import type { Tenant } from '../../tenancy';
import type { StaffContext } from '../../trpc';

export type PublishedQuestionnaire = { id: string; version: number; questionnaire: Questionnaire; createdAt: Date };

/** The organization's latest published version, or null before the first. */
export async function latestQuestionnaire(db: DbOrTx, tenant: Tenant): Promise<PublishedQuestionnaire | null> {
  const [row] = await db
    .select()
    .from(questionnaireVersions)
    .where(tenant.owns(questionnaireVersions))
    .orderBy(desc(questionnaireVersions.version))
    .limit(1);
  return row
    ? { id: row.id, version: row.version, questionnaire: row.questions as Questionnaire, createdAt: row.createdAt }
    : null;
}

/** Writes a version and audits it (the number of questions, not their text). */
export async function insertVersion(
  tx: DbOrTx,
  ctx: StaffContext,
  version: number,
  questionnaire: Questionnaire,
): Promise<PublishedQuestionnaire> {
  const [row] = await tx
    .insert(questionnaireVersions)
    .values(ctx.tenant.row({ version, questions: questionnaire, createdById: ctx.principal.userId }))
    .returning();
  if (!row) throw new Error('Insert returned no row');
  await audit(
    ctx,
    {
      action: 'questionnaire.publish',
      entity: 'questionnaire_version',
      entityId: row.id,
      changes: { version: { to: version }, questions: { to: questionnaire.questions.length } },
    },
    tx,
  );
  return { id: row.id, version, questionnaire, createdAt: row.createdAt };
}
