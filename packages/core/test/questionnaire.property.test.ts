import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Answer,
  type Answers,
  answerProblems,
  normaliseAnswers,
  possibleValues,
  QUESTION_TYPES,
  type Question,
  type Questionnaire,
  questionnaireProblems,
  visibleQuestions,
} from '../src/questionnaire';
import { TODAY } from './questionnaire-fixtures';

const slug = fc.stringMatching(/^[a-z0-9]{1,6}(?:[-_][a-z0-9]{1,6})?$/);
const words = fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim() !== '');

const seed = fc.record({
  id: slug,
  type: fc.constantFrom(...QUESTION_TYPES),
  label: words,
  help: fc.option(fc.string({ maxLength: 80 }), { nil: undefined }),
  required: fc.boolean(),
  options: fc.uniqueArray(fc.record({ value: slug, label: words }), {
    minLength: 2,
    maxLength: 6,
    selector: (o) => o.value,
  }),
  dependOn: fc.option(fc.nat(), { nil: undefined }),
  pick: fc.nat(),
});

/** Questionnaires built to be valid: conditions only on earlier choice questions, on values they offer. */
const questionnaire: fc.Arbitrary<Questionnaire> = fc
  .uniqueArray(seed, { minLength: 1, maxLength: 15, selector: (s) => s.id })
  .map((seeds) => {
    const questions: Question[] = [];
    for (const s of seeds) {
      const question: Question = { id: s.id, type: s.type, label: s.label, required: s.required };
      if (s.help !== undefined) question.help = s.help;
      if (s.type === 'radio' || s.type === 'checkbox') question.options = s.options;
      const targets = questions.filter((q) => possibleValues(q) !== null);
      const target = s.dependOn === undefined ? undefined : targets[s.dependOn % Math.max(targets.length, 1)];
      const values = target ? (possibleValues(target) ?? []) : [];
      const equals = values[s.pick % Math.max(values.length, 1)];
      if (target && equals !== undefined) question.showWhen = { questionId: target.id, equals };
      questions.push(question);
    }
    return { questions };
  });

/** Anything a form (or a tampered request) might send for a question. */
function anyAnswer(q: Question): fc.Arbitrary<Answer | undefined> {
  const values = possibleValues(q) ?? ['x'];
  return fc.oneof(
    fc.constant(undefined),
    fc.string({ maxLength: 8 }),
    fc.constantFrom(...values),
    fc.constantFrom(...values).map((v) => ` ${v} `),
    fc.array(fc.constantFrom(...values, 'nope'), { maxLength: 4 }),
  );
}

/** An answer that satisfies the question, or none when it is optional. */
function goodAnswer(q: Question): fc.Arbitrary<Answer | undefined> {
  const values = possibleValues(q) ?? [];
  const answer: fc.Arbitrary<Answer> =
    q.type === 'checkbox'
      ? fc.shuffledSubarray(values, { minLength: 1 })
      : q.type === 'radio' || q.type === 'yes_no'
        ? fc.constantFrom(...values)
        : q.type === 'date'
          ? fc
              .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date(`${TODAY}T00:00:00Z`), noInvalidDate: true })
              .map((d) => d.toISOString().slice(0, 10))
          : fc.string({ maxLength: q.type === 'text' ? 500 : 2000 }).filter((s) => s.trim() !== '');
  return q.required ? answer : fc.option(answer, { nil: undefined });
}

function answersFor(q: Questionnaire, make: (question: Question) => fc.Arbitrary<Answer | undefined>) {
  return fc.tuple(...q.questions.map(make)).map((list) => {
    const answers: Answers = {};
    list.forEach((answer, i) => {
      const id = q.questions[i]?.id;
      if (id !== undefined && answer !== undefined) answers[id] = answer;
    });
    return answers;
  });
}

const withAnyAnswers = questionnaire.chain((q) => fc.tuple(fc.constant(q), answersFor(q, anyAnswer)));
const withGoodAnswers = questionnaire.chain((q) => fc.tuple(fc.constant(q), answersFor(q, goodAnswer)));

function meets(answer: Answer | undefined, equals: string): boolean {
  return Array.isArray(answer) ? answer.includes(equals) : answer === equals;
}

describe('questionnaire properties', () => {
  it('finds no problem in a valid questionnaire', () => {
    fc.assert(
      fc.property(questionnaire, (q) => {
        expect(questionnaireProblems(q)).toEqual([]);
      }),
    );
  });

  it('finds a problem when a dependent question is moved before the one it depends on', () => {
    fc.assert(
      fc.property(questionnaire, (q) => {
        const dependent = q.questions.find((x) => x.showWhen !== undefined);
        fc.pre(dependent !== undefined);
        const moved = { questions: [dependent as Question, ...q.questions.filter((x) => x !== dependent)] };
        expect(questionnaireProblems(moved).map((p) => p.field)).toContain('showWhen');
      }),
    );
  });

  it('shows exactly the questions whose condition holds on a shown question', () => {
    fc.assert(
      fc.property(withAnyAnswers, ([q, answers]) => {
        const shown = new Set(visibleQuestions(q, answers).map((x) => x.id));
        for (const question of q.questions) {
          const c = question.showWhen;
          const holds = c === undefined || (shown.has(c.questionId) && meets(answers[c.questionId], c.equals));
          expect(shown.has(question.id)).toBe(holds);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('normalises idempotently, keeping only answers of questions still shown', () => {
    fc.assert(
      fc.property(withAnyAnswers, ([q, answers]) => {
        const stored = normaliseAnswers(q, answers);
        expect(normaliseAnswers(q, stored)).toEqual(stored);
        const shownNow = new Set(visibleQuestions(q, stored).map((x) => x.id));
        const shownBefore = new Set(visibleQuestions(q, answers).map((x) => x.id));
        for (const id of Object.keys(stored)) {
          expect(shownNow.has(id)).toBe(true);
          expect(shownBefore.has(id)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('accepts answers that satisfy the questionnaire, before and after normalising', () => {
    fc.assert(
      fc.property(withGoodAnswers, ([q, answers]) => {
        expect(answerProblems(q, answers, TODAY)).toEqual([]);
        const stored = normaliseAnswers(q, answers);
        expect(answerProblems(q, stored, TODAY)).toEqual([]);
        expect(visibleQuestions(q, stored)).toEqual(visibleQuestions(q, answers));
      }),
    );
  });

  it('names a shown required question once its answer is removed', () => {
    fc.assert(
      fc.property(withGoodAnswers, ([q, answers]) => {
        const required = visibleQuestions(q, answers).find((x) => x.required && x.showWhen === undefined);
        fc.pre(required !== undefined);
        const { [(required as Question).id]: _, ...rest } = answers;
        expect(answerProblems(q, rest, TODAY)).toContainEqual({
          questionId: (required as Question).id,
          message: `${(required as Question).label} is required`,
        });
      }),
    );
  });
});
