import {
  CHOICE_TYPES,
  characterCount,
  QUESTIONNAIRE_LIMITS as LIMITS,
  possibleValues,
  QUESTION_TYPES,
  type Question,
  type Questionnaire,
} from './types';

/** Why a questionnaire cannot be saved; `questionId` null for the questionnaire as a whole. */
export type QuestionnaireProblem = { questionId: string | null; field: string; message: string };

/** Lower-case words joined by '-' or '_': safe as a JSON key and readable in exports. */
const SLUG = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

/** Every reason the definition cannot be published; [] when it can. */
export function questionnaireProblems(questionnaire: Questionnaire): QuestionnaireProblem[] {
  const { questions } = questionnaire;
  const problems: QuestionnaireProblem[] = [];
  if (questions.length === 0) {
    problems.push({ questionId: null, field: 'questions', message: 'Add at least one question' });
  }
  if (questions.length > LIMITS.questions) {
    problems.push({
      questionId: null,
      field: 'questions',
      message: `A questionnaire can have at most ${LIMITS.questions} questions`,
    });
  }
  // Earlier questions by id: a condition may only look back, so conditions never form a cycle.
  const earlier = new Map<string, Question>();
  questions.forEach((question, index) => {
    const ref = question.id.trim() === '' ? `question ${index + 1}` : question.id;
    const add = (field: string, message: string) => problems.push({ questionId: ref, field, message });
    idProblems(question, earlier, add);
    textProblems(question, add);
    optionProblems(question, add);
    showWhenProblems(question, questions, earlier, add);
    if (!earlier.has(question.id)) earlier.set(question.id, question);
  });
  return problems;
}

type Add = (field: string, message: string) => void;

function idProblems(question: Question, earlier: Map<string, Question>, add: Add): void {
  const { id } = question;
  if (id.trim() === '') add('id', 'Give the question an id');
  else if (!SLUG.test(id) || id.length > LIMITS.id) {
    add('id', `The id "${id}" must be lower-case letters and digits joined by - or _, at most ${LIMITS.id} long`);
  } else if (earlier.has(id)) add('id', `Two questions have the id "${id}"`);
}

function textProblems(question: Question, add: Add): void {
  if (!QUESTION_TYPES.includes(question.type)) add('type', 'Choose a question type');
  if (question.label.trim() === '') add('label', 'Write the question');
  else if (characterCount(question.label) > LIMITS.label) {
    add('label', `The question must be at most ${LIMITS.label} characters`);
  }
  if (question.help !== undefined && characterCount(question.help) > LIMITS.help) {
    add('help', `The help text must be at most ${LIMITS.help} characters`);
  }
}

function optionProblems(question: Question, add: Add): void {
  const options = question.options;
  if (!CHOICE_TYPES.includes(question.type)) {
    if (options !== undefined && options.length > 0) add('options', 'Only choice questions have options');
    return;
  }
  if (options === undefined || options.length < 2) {
    add('options', 'A choice question needs at least 2 options');
    return;
  }
  if (options.length > LIMITS.options) add('options', `A question can have at most ${LIMITS.options} options`);
  const seen = new Set<string>();
  for (const option of options) {
    if (option.value.trim() === '' || option.label.trim() === '') {
      add('options', 'Every option needs a value and a label');
    } else if (characterCount(option.value) > LIMITS.option || characterCount(option.label) > LIMITS.option) {
      add('options', `An option must be at most ${LIMITS.option} characters`);
    } else if (seen.has(option.value)) {
      add('options', `Two options have the value "${option.value}"`);
    }
    seen.add(option.value);
  }
}

function showWhenProblems(
  question: Question,
  questions: readonly Question[],
  earlier: Map<string, Question>,
  add: Add,
): void {
  const condition = question.showWhen;
  if (condition === undefined) return;
  const target = earlier.get(condition.questionId);
  if (condition.questionId === question.id) {
    add('showWhen', 'A question cannot depend on its own answer');
  } else if (target === undefined) {
    const later = questions.some((q) => q.id === condition.questionId);
    add(
      'showWhen',
      later ? 'A question can only depend on a question before it' : 'It depends on a question that does not exist',
    );
  } else {
    const values = possibleValues(target);
    if (values === null) add('showWhen', 'A question can only depend on a choice or yes/no question');
    else if (!values.includes(condition.equals)) {
      add('showWhen', `"${target.label}" has no answer "${condition.equals}"`);
    }
  }
}
