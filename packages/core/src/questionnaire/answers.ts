import {
  type Answer,
  type Answers,
  answerOf,
  characterCount,
  QUESTIONNAIRE_LIMITS as LIMITS,
  possibleValues,
  type Question,
  type Questionnaire,
} from './types';
import { visibleQuestions } from './visibility';

/** What is wrong with one answer, by question id so the form can show it beside the question. */
export type AnswerProblem = { questionId: string; message: string };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const FREE_TEXT: readonly string[] = ['text', 'textarea', 'date'];

/**
 * Every problem with a patient's answers; [] when they can be submitted. `today` is an ISO date:
 * dates answered (birth, diagnosis, last visit) are in the past. Pass `latestToday()` to accept
 * today in every zone.
 *
 * Answers to questions hidden by a condition are not problems: a patient who says "pregnant: yes"
 * and then changes an earlier answer still holds the stale answer in the form, and cannot see it to
 * remove it. normaliseAnswers drops them. Answers to ids the questionnaire does not have are
 * problems: they mean a form built from another version.
 */
export function answerProblems(questionnaire: Questionnaire, answers: Answers, today: string): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const known = new Set(questionnaire.questions.map((q) => q.id));
  for (const id of Object.keys(answers)) {
    if (!known.has(id)) problems.push({ questionId: id, message: 'This question is not on the form' });
  }
  for (const question of visibleQuestions(questionnaire, answers)) {
    const answer = answerOf(answers, question.id);
    const message =
      answer === undefined || isBlank(question, answer)
        ? question.required
          ? `${question.label} is required`
          : null
        : valueProblem(question, answer, today);
    if (message !== null) problems.push({ questionId: question.id, message });
  }
  return problems;
}

function isBlank(question: Question, answer: Answer): boolean {
  if (Array.isArray(answer)) return answer.length === 0;
  return typeof answer === 'string' && (FREE_TEXT.includes(question.type) ? answer.trim() : answer) === '';
}

function valueProblem(question: Question, answer: Answer, today: string): string | null {
  const { label } = question;
  const values = possibleValues(question);
  if (question.type === 'checkbox') {
    if (!Array.isArray(answer) || !answer.every((v) => typeof v === 'string')) {
      return `${label}: tick the options that apply`;
    }
    return answer.every((v) => values?.includes(v)) ? null : `${label}: choose from the options given`;
  }
  if (typeof answer !== 'string') return `${label} takes one answer`;
  if (values !== null) return values.includes(answer) ? null : `${label}: choose one of the options given`;
  const text = answer.trim();
  if (question.type === 'date') return dateProblem(label, text, today);
  const limit = question.type === 'textarea' ? LIMITS.textarea : LIMITS.text;
  return characterCount(text) > limit ? `${label} must be at most ${limit} characters` : null;
}

function dateProblem(label: string, text: string, today: string): string | null {
  const m = ISO_DATE.exec(text);
  const [year, month, day] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (!m || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return `${label} must be a real date`;
  }
  if (text > today) return `${label} cannot be in the future`;
  if (text < '1900-01-01') return `${label} cannot be before 1900`;
  return null;
}

/**
 * The answers as stored, meant for answers answerProblems accepted: free text and dates trimmed,
 * ticked boxes in the options' order without repeats, and dropped: answers of hidden or unknown
 * questions, blank answers, and anything of the wrong shape or not among the options.
 */
export function normaliseAnswers(questionnaire: Questionnaire, answers: Answers): Answers {
  const cleaned: Answers = {};
  for (const question of questionnaire.questions) {
    const value = normalised(question, answerOf(answers, question.id));
    if (value !== undefined) cleaned[question.id] = value;
  }
  // Visibility is read from the cleaned answers, so a second pass keeps exactly the same.
  const stored: Answers = {};
  for (const question of visibleQuestions(questionnaire, cleaned)) {
    const value = answerOf(cleaned, question.id);
    if (value !== undefined) stored[question.id] = value;
  }
  return stored;
}

function normalised(question: Question, answer: Answer | undefined): Answer | undefined {
  const values = possibleValues(question);
  if (question.type === 'checkbox') {
    if (!Array.isArray(answer)) return undefined;
    const ticked = (values ?? []).filter((v) => answer.includes(v));
    return ticked.length > 0 ? ticked : undefined;
  }
  if (typeof answer !== 'string') return undefined;
  if (values !== null) return values.includes(answer) ? answer : undefined;
  const text = answer.trim();
  return text === '' ? undefined : text;
}
