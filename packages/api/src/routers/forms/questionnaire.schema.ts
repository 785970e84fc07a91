import { QUESTIONNAIRE_LIMITS as LIMITS, QUESTION_TYPES } from '@carelane/core';
import { z } from 'zod';

/** The shape of a definition; the rules between questions are core's questionnaireProblems. */
const option = z.object({
  value: z.string().trim().min(1, 'An option needs a value').max(LIMITS.option),
  label: z.string().trim().min(1, 'An option needs a label').max(LIMITS.option),
});

const question = z.object({
  id: z.string().trim().min(1, 'A question needs an id').max(LIMITS.id),
  type: z.enum(QUESTION_TYPES, 'Choose text, textarea, radio, checkbox, date or yes/no'),
  label: z.string().trim().max(LIMITS.label),
  help: z.string().trim().max(LIMITS.help).optional(),
  required: z.boolean(),
  options: z.array(option).max(LIMITS.options).optional(),
  showWhen: z.object({ questionId: z.string().trim().min(1), equals: z.string().trim().min(1) }).optional(),
});

export const publishQuestionnaireInput = z.object({
  /** The version the editor started from (null before the first): publishing over a newer one is a CONFLICT. */
  baseVersion: z.number().int().min(1).nullable(),
  questions: z.array(question).min(1, 'Add at least one question').max(LIMITS.questions),
});
export type PublishQuestionnaireInput = z.infer<typeof publishQuestionnaireInput>;
