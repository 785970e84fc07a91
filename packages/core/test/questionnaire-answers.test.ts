import { describe, expect, it } from 'vitest';
import { answerProblems, normaliseAnswers, type Questionnaire, snapshotQuestions } from '../src/questionnaire';
import { conditions, form, lastVisit, notes, TODAY } from './questionnaire-fixtures';

const messages = (q: Questionnaire, answers: Record<string, string | string[]>) =>
  answerProblems(q, answers, TODAY).map((p) => `${p.questionId}: ${p.message}`);

describe('answerProblems', () => {
  it('accepts complete answers', () => {
    expect(messages(form, { sex: 'male' })).toEqual([]);
    expect(
      messages(form, {
        sex: 'female',
        pregnant: 'yes',
        weeks: '12',
        conditions: ['other', 'asthma'],
        other: 'Migraine',
        notes: 'x'.repeat(5000),
        'last-visit': TODAY,
      }),
    ).toEqual([]);
  });

  it('names each visible required question left blank', () => {
    expect(messages(form, {})).toEqual(['sex: Sex is required']);
    expect(messages(form, { sex: 'female' })).toEqual(['pregnant: Pregnant is required']);
    expect(messages(form, { sex: 'female', pregnant: 'yes', weeks: '   ' })).toEqual(['weeks: Weeks is required']);
    expect(messages(form, { sex: '' })).toEqual(['sex: Sex is required']);
    const required: Questionnaire = { questions: [{ ...conditions, required: true }] };
    expect(messages(required, { conditions: [] })).toEqual(['conditions: Conditions is required']);
  });

  it('lets optional questions stay blank', () => {
    expect(messages(form, { sex: 'male', notes: '  ', conditions: [], 'last-visit': '' })).toEqual([]);
  });

  it('refuses answers of the wrong shape', () => {
    expect(messages(form, { sex: ['male'] })).toEqual(['sex: Sex takes one answer']);
    expect(messages(form, { sex: 'male', conditions: 'asthma' })).toEqual([
      'conditions: Conditions: tick the options that apply',
    ]);
    const numbers = { sex: 'male', conditions: [1] } as unknown as Record<string, string[]>;
    expect(messages(form, numbers)).toEqual(['conditions: Conditions: tick the options that apply']);
  });

  it('refuses options not offered', () => {
    expect(messages(form, { sex: 'other' })).toEqual(['sex: Sex: choose one of the options given']);
    expect(messages(form, { sex: 'female', pregnant: 'maybe' })).toEqual([
      'pregnant: Pregnant: choose one of the options given',
    ]);
    expect(messages(form, { sex: 'male', conditions: ['asthma', 'gout'] })).toEqual([
      'conditions: Conditions: choose from the options given',
    ]);
  });

  it('wants real dates from 1900 up to today', () => {
    const date = (d: string) => messages({ questions: [lastVisit] }, { 'last-visit': d });
    expect(date('2024-02-29')).toEqual([]);
    expect(date(' 2024-02-29 ')).toEqual([]);
    expect(date('2023-02-29')).toEqual(['last-visit: Last visit must be a real date']);
    expect(date('2023-13-01')).toEqual(['last-visit: Last visit must be a real date']);
    expect(date('21/11/2026')).toEqual(['last-visit: Last visit must be a real date']);
    expect(date('2026-11-22')).toEqual(['last-visit: Last visit cannot be in the future']);
    expect(date('1899-12-31')).toEqual(['last-visit: Last visit cannot be before 1900']);
  });

  it('limits text to 500 and textareas to 5000 characters, after trimming', () => {
    const text: Questionnaire = { questions: [{ ...notes, type: 'text' }] };
    expect(messages(text, { notes: ` ${'x'.repeat(500)} ` })).toEqual([]);
    expect(messages(text, { notes: 'x'.repeat(501) })).toEqual(['notes: Notes must be at most 500 characters']);
    expect(messages({ questions: [notes] }, { notes: 'x'.repeat(5001) })).toEqual([
      'notes: Notes must be at most 5000 characters',
    ]);
  });

  it('ignores answers to hidden questions and refuses answers to unknown ones', () => {
    expect(messages(form, { sex: 'male', pregnant: 'maybe', weeks: ['x'] })).toEqual([]);
    expect(messages(form, { sex: 'male', shoe: '42' })).toEqual(['shoe: This question is not on the form']);
  });
});

describe('normaliseAnswers', () => {
  it('trims text, drops hidden, unknown and blank answers, and orders ticked boxes as the options', () => {
    expect(
      normaliseAnswers(form, {
        sex: 'male',
        pregnant: 'yes',
        weeks: '12',
        conditions: ['other', 'asthma', 'other'],
        other: '  Migraine ',
        notes: '   ',
        'last-visit': ' 2020-01-02 ',
        shoe: '42',
      }),
    ).toEqual({ sex: 'male', conditions: ['asthma', 'other'], other: 'Migraine', 'last-visit': '2020-01-02' });
  });

  it('drops an answer once the answer it depends on is dropped', () => {
    expect(normaliseAnswers(form, { sex: 'female ', pregnant: 'yes', weeks: '3' })).toEqual({});
  });
});

describe('snapshotQuestions', () => {
  it('keeps the questions shown, their options and each answer as a person reads it', () => {
    expect(
      snapshotQuestions(form, { sex: 'female', pregnant: 'no', conditions: ['other', 'asthma'], other: ' Gout ' }),
    ).toEqual([
      { id: 'sex', type: 'radio', label: 'Sex', options: ['Female', 'Male'], value: 'female', answerText: 'Female' },
      { id: 'pregnant', type: 'yes_no', label: 'Pregnant', options: ['Yes', 'No'], value: 'no', answerText: 'No' },
      {
        id: 'conditions',
        type: 'checkbox',
        label: 'Conditions',
        options: ['Asthma', 'Diabetes', 'Other'],
        value: ['asthma', 'other'],
        answerText: 'Asthma, Other',
      },
      { id: 'other', type: 'text', label: 'Other condition', value: 'Gout', answerText: 'Gout' },
      { id: 'notes', type: 'textarea', label: 'Notes', value: null, answerText: '' },
      { id: 'last-visit', type: 'date', label: 'Last visit', value: null, answerText: '' },
    ]);
  });
});
