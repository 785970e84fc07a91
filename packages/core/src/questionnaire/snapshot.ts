import { normaliseAnswers } from './answers';
import { type Answer, type Answers, answerOf, type Question, type Questionnaire, YES_NO_OPTIONS } from './types';
import { visibleQuestions } from './visibility';

/** One question as the patient saw it, with the answer given; a later version never changes it. */
export type SnapshotItem = {
  id: string;
  type: Question['type'];
  label: string;
  /** The labels of the options offered, in order; absent for free text and dates. */
  options?: string[];
  /** The answer as stored (option values, ISO date), or null when left blank. */
  value: Answer | null;
  /** The answer as a person reads it: option labels, ticked boxes joined by ", ", '' when blank. */
  answerText: string;
};

/**
 * The questions shown for these answers, each with its answer, for an immutable submission
 * record. Answers are normalised first, so hidden questions and their answers are left out.
 */
export function snapshotQuestions(questionnaire: Questionnaire, answers: Answers): SnapshotItem[] {
  const stored = normaliseAnswers(questionnaire, answers);
  return visibleQuestions(questionnaire, stored).map((question) => {
    const options = question.type === 'yes_no' ? YES_NO_OPTIONS : question.options;
    const value = answerOf(stored, question.id) ?? null;
    const labelOf = (v: string) => options?.find((o) => o.value === v)?.label ?? v;
    const answerText = value === null ? '' : Array.isArray(value) ? value.map(labelOf).join(', ') : labelOf(value);
    const item: SnapshotItem = { id: question.id, type: question.type, label: question.label, value, answerText };
    if (options !== undefined && options.length > 0) item.options = options.map((o) => o.label);
    return item;
  });
}
