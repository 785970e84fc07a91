import type { Question, Questionnaire } from '../src/questionnaire';

export const TODAY = '2026-11-21';

export const sex: Question = {
  id: 'sex',
  type: 'radio',
  label: 'Sex',
  required: true,
  options: [
    { value: 'female', label: 'Female' },
    { value: 'male', label: 'Male' },
  ],
};
export const pregnant: Question = {
  id: 'pregnant',
  type: 'yes_no',
  label: 'Pregnant',
  required: true,
  showWhen: { questionId: 'sex', equals: 'female' },
};
export const weeks: Question = {
  id: 'weeks',
  type: 'text',
  label: 'Weeks',
  required: true,
  showWhen: { questionId: 'pregnant', equals: 'yes' },
};
export const conditions: Question = {
  id: 'conditions',
  type: 'checkbox',
  label: 'Conditions',
  required: false,
  options: [
    { value: 'asthma', label: 'Asthma' },
    { value: 'diabetes', label: 'Diabetes' },
    { value: 'other', label: 'Other' },
  ],
};
export const other: Question = {
  id: 'other',
  type: 'text',
  label: 'Other condition',
  required: true,
  showWhen: { questionId: 'conditions', equals: 'other' },
};
export const notes: Question = { id: 'notes', type: 'textarea', label: 'Notes', required: false };
export const lastVisit: Question = { id: 'last-visit', type: 'date', label: 'Last visit', required: false };

export const form: Questionnaire = { questions: [sex, pregnant, weeks, conditions, other, notes, lastVisit] };
