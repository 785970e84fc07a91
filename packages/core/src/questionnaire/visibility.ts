import { type Answer, type Answers, answerOf, type Question, type Questionnaire } from './types';

/** Whether an answer meets a condition: the same radio or yes/no value, or that box among the ticked. */
function meets(answer: Answer | undefined, equals: string): boolean {
  if (typeof answer === 'string') return answer === equals;
  return Array.isArray(answer) && answer.includes(equals);
}

/**
 * The questions shown given the answers so far, in order. A question whose condition's target is
 * itself hidden is hidden too, whatever that target's (stale) answer says.
 */
export function visibleQuestions(questionnaire: Questionnaire, answers: Answers): Question[] {
  const shown = new Set<string>();
  const visible: Question[] = [];
  for (const question of questionnaire.questions) {
    const condition = question.showWhen;
    const show =
      condition === undefined ||
      (shown.has(condition.questionId) && meets(answerOf(answers, condition.questionId), condition.equals));
    if (show) {
      shown.add(question.id);
      visible.push(question);
    }
  }
  return visible;
}
