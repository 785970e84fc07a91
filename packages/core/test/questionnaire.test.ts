import { describe, expect, it } from 'vitest';
import { type Question, type Questionnaire, questionnaireProblems, visibleQuestions } from '../src/questionnaire';
import { conditions, form, notes, pregnant, sex, weeks } from './questionnaire-fixtures';

function fieldsOf(q: Questionnaire) {
  return questionnaireProblems(q).map((p) => `${p.questionId}:${p.field}`);
}

describe('questionnaireProblems', () => {
  it('accepts a sound questionnaire', () => {
    expect(questionnaireProblems(form)).toEqual([]);
  });

  it('wants at least one and at most 200 questions', () => {
    expect(fieldsOf({ questions: [] })).toEqual(['null:questions']);
    const many = Array.from({ length: 201 }, (_, i): Question => ({ ...notes, id: `q${i}` }));
    expect(fieldsOf({ questions: many })).toEqual(['null:questions']);
    expect(fieldsOf({ questions: many.slice(0, 200) })).toEqual([]);
  });

  it('refuses empty, malformed and duplicate ids', () => {
    expect(fieldsOf({ questions: [{ ...notes, id: ' ' }] })).toEqual(['question 1:id']);
    expect(fieldsOf({ questions: [{ ...notes, id: 'Has Space' }] })).toEqual(['Has Space:id']);
    expect(fieldsOf({ questions: [{ ...notes, id: '__proto__' }] })).toEqual(['__proto__:id']);
    expect(fieldsOf({ questions: [{ ...notes, id: 'a'.repeat(65) }] })).toEqual([`${'a'.repeat(65)}:id`]);
    expect(questionnaireProblems({ questions: [notes, { ...notes }] })).toEqual([
      { questionId: 'notes', field: 'id', message: 'Two questions have the id "notes"' },
    ]);
  });

  it('refuses blank labels and text over the limits', () => {
    expect(fieldsOf({ questions: [{ ...notes, label: '  ' }] })).toEqual(['notes:label']);
    expect(fieldsOf({ questions: [{ ...notes, label: 'x'.repeat(501) }] })).toEqual(['notes:label']);
    expect(fieldsOf({ questions: [{ ...notes, label: '😀'.repeat(500) }] })).toEqual([]);
    expect(fieldsOf({ questions: [{ ...notes, help: 'x'.repeat(1001) }] })).toEqual(['notes:help']);
    expect(fieldsOf({ questions: [{ ...notes, help: 'x'.repeat(1000) }] })).toEqual([]);
  });

  it('refuses an unknown type', () => {
    const bad = { ...notes, type: 'slider' } as unknown as Question;
    expect(fieldsOf({ questions: [bad] })).toEqual(['notes:type']);
  });

  it('wants 2 or more distinct, filled, short options on choice questions only', () => {
    const one = [{ value: 'a', label: 'A' }];
    expect(fieldsOf({ questions: [{ ...sex, options: undefined }] })).toEqual(['sex:options']);
    expect(fieldsOf({ questions: [{ ...conditions, options: one }] })).toEqual(['conditions:options']);
    expect(
      questionnaireProblems({
        questions: [
          {
            ...sex,
            options: [
              { value: 'a', label: 'A' },
              { value: 'a', label: 'Also A' },
            ],
          },
        ],
      }).map((p) => p.message),
    ).toEqual(['Two options have the value "a"']);
    expect(fieldsOf({ questions: [{ ...sex, options: [...one, { value: ' ', label: 'B' }] }] })).toEqual([
      'sex:options',
    ]);
    expect(fieldsOf({ questions: [{ ...sex, options: [...one, { value: 'b', label: '' }] }] })).toEqual([
      'sex:options',
    ]);
    expect(fieldsOf({ questions: [{ ...sex, options: [...one, { value: 'b', label: 'x'.repeat(201) }] }] })).toEqual([
      'sex:options',
    ]);
    expect(fieldsOf({ questions: [{ ...notes, options: one }] })).toEqual(['notes:options']);
    expect(fieldsOf({ questions: [{ ...pregnant, showWhen: undefined, options: one }] })).toEqual(['pregnant:options']);
    // An empty list is what a form sends for "no options": harmless.
    expect(fieldsOf({ questions: [{ ...notes, options: [] }] })).toEqual([]);
  });

  it('lets a question depend only on an earlier choice or yes/no question, on a value it can take', () => {
    const problem = (q: Questionnaire) => questionnaireProblems(q).map((p) => `${p.questionId}: ${p.message}`);
    expect(problem({ questions: [pregnant, sex] })).toEqual([
      'pregnant: A question can only depend on a question before it',
    ]);
    expect(problem({ questions: [{ ...notes, showWhen: { questionId: 'notes', equals: 'x' } }] })).toEqual([
      'notes: A question cannot depend on its own answer',
    ]);
    expect(problem({ questions: [pregnant] })).toEqual(['pregnant: It depends on a question that does not exist']);
    expect(problem({ questions: [sex, { ...pregnant, showWhen: { questionId: 'sex', equals: 'other' } }] })).toEqual([
      'pregnant: "Sex" has no answer "other"',
    ]);
    expect(
      problem({ questions: [sex, pregnant, { ...weeks, showWhen: { questionId: 'pregnant', equals: 'maybe' } }] }),
    ).toEqual(['weeks: "Pregnant" has no answer "maybe"']);
    expect(problem({ questions: [notes, { ...weeks, showWhen: { questionId: 'notes', equals: 'x' } }] })).toEqual([
      'weeks: A question can only depend on a choice or yes/no question',
    ]);
  });
});

describe('visibleQuestions', () => {
  const ids = (answers: Record<string, string | string[]>) => visibleQuestions(form, answers).map((q) => q.id);

  it('shows unconditional questions and those whose condition holds', () => {
    expect(ids({})).toEqual(['sex', 'conditions', 'notes', 'last-visit']);
    expect(ids({ sex: 'female' })).toEqual(['sex', 'pregnant', 'conditions', 'notes', 'last-visit']);
    expect(ids({ sex: 'female', pregnant: 'yes', conditions: ['asthma', 'other'] })).toEqual([
      'sex',
      'pregnant',
      'weeks',
      'conditions',
      'other',
      'notes',
      'last-visit',
    ]);
  });

  it('hides a question whose target is hidden, whatever the stale answer says', () => {
    expect(ids({ sex: 'male', pregnant: 'yes' })).toEqual(['sex', 'conditions', 'notes', 'last-visit']);
  });

  it('reads a checkbox condition as "ticked", not as equality', () => {
    expect(ids({ conditions: 'other' })).toContain('other');
    expect(ids({ conditions: ['asthma'] })).not.toContain('other');
  });

  it('is not fooled by answers named like Object properties', () => {
    const q: Questionnaire = {
      questions: [
        { id: 'constructor', type: 'yes_no', label: 'C', required: false },
        { ...notes, showWhen: { questionId: 'constructor', equals: 'yes' } },
      ],
    };
    expect(visibleQuestions(q, {}).map((x) => x.id)).toEqual(['constructor']);
  });
});
