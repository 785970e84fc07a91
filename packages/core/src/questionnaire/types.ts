export const QUESTION_TYPES = ['text', 'textarea', 'radio', 'checkbox', 'date', 'yes_no'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Types whose answers are picked from `options`. */
export const CHOICE_TYPES: readonly QuestionType[] = ['radio', 'checkbox'];

export type QuestionOption = { value: string; label: string };

/**
 * Show a question only when an earlier question's answer is `equals`: one option value of a radio
 * or checkbox question (for checkbox: among the ticked), or 'yes'/'no' for a yes/no question.
 */
export type ShowWhen = { questionId: string; equals: string };

export type Question = {
  /** Stable slug: answers and submissions refer to it across versions. */
  id: string;
  type: QuestionType;
  label: string;
  help?: string;
  required: boolean;
  /** Only for radio and checkbox, in the order shown. */
  options?: QuestionOption[];
  showWhen?: ShowWhen;
};

/** Questions are shown in array order. */
export type Questionnaire = { questions: Question[] };

/** By question id: checkbox a string[] of option values, date 'YYYY-MM-DD', yes_no 'yes' | 'no'. */
export type Answer = string | string[];
export type Answers = Record<string, Answer>;

export const QUESTIONNAIRE_LIMITS = {
  questions: 200,
  id: 64,
  label: 500,
  help: 1000,
  option: 200,
  options: 50,
  text: 500,
  textarea: 5000,
} as const;

export const YES_NO_OPTIONS: readonly QuestionOption[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

/** The values a question's answer can take, or null when it is free text or a date. */
export function possibleValues(question: Question): string[] | null {
  if (question.type === 'yes_no') return YES_NO_OPTIONS.map((o) => o.value);
  if (CHOICE_TYPES.includes(question.type)) return (question.options ?? []).map((o) => o.value);
  return null;
}

/** The answer given to a question, own properties only (a slug like "constructor" is no answer). */
export function answerOf(answers: Answers, questionId: string): Answer | undefined {
  return Object.hasOwn(answers, questionId) ? answers[questionId] : undefined;
}

/** Counts code points, as PostgreSQL and people do, so an emoji is one character. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
