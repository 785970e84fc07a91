import { DEFAULT_QUESTIONNAIRES, type Questionnaire, questionnaireProblems } from '@carelane/core';
import { TRPCError } from '@trpc/server';
import { fieldErrors } from '../../field-error';
import type { StaffContext } from '../../trpc';
import type { PublishQuestionnaireInput } from './questionnaire.schema';
import { insertVersion, latestQuestionnaire } from './questionnaire-versions';

/**
 * What the editor starts from: the latest version, or (before anything is published) the
 * general-practice default, unpublished.
 */
export async function currentQuestionnaireHandler({ ctx }: { ctx: StaffContext }) {
  const latest = await latestQuestionnaire(ctx.db, ctx.tenant);
  return latest
    ? { version: latest.version, publishedAt: latest.createdAt, questionnaire: latest.questionnaire }
    : { version: null, publishedAt: null, questionnaire: DEFAULT_QUESTIONNAIRES.general };
}

const changedMeanwhile = (version: number) =>
  new TRPCError({
    code: 'CONFLICT',
    message: `Someone else published these questions meanwhile (version ${version}). Reload to see their changes, then edit again.`,
  });

/**
 * Saving publishes the next version; earlier versions stay as they were (a trigger refuses
 * changes), so every submission keeps the questions its patient answered.
 */
export async function publishQuestionnaireHandler({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: PublishQuestionnaireInput;
}) {
  const questionnaire: Questionnaire = { questions: input.questions };
  const problems = questionnaireProblems(questionnaire);
  if (problems.length > 0) {
    throw fieldErrors(
      problems.map((p) => {
        const index = input.questions.findIndex((q) => q.id === p.questionId);
        return { field: index >= 0 ? `questions.${index}.${p.field}` : `questions`, message: p.message };
      }),
    );
  }
  // Two publishers from the same version: the second meets the first's version number (unique), a CONFLICT.
  return publish(ctx, input, questionnaire);
}

function publish(ctx: StaffContext, input: PublishQuestionnaireInput, questionnaire: Questionnaire) {
  return ctx.db.transaction(async (tx) => {
    const latest = await latestQuestionnaire(tx, ctx.tenant);
    // Edited from an older version: publishing would silently undo someone else's changes.
    if ((latest?.version ?? null) !== input.baseVersion) throw changedMeanwhile(latest?.version ?? 0);
    const row = await insertVersion(tx, ctx, (latest?.version ?? 0) + 1, questionnaire);
    return { version: row.version, publishedAt: row.createdAt, questionnaire };
  });
}
