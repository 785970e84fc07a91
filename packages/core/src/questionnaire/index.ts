export * from './answers';
export * from './defaults';
export * from './definition';
export * from './slug';
export * from './snapshot';
export {
  type Answer,
  type Answers,
  CHOICE_TYPES,
  possibleValues,
  QUESTION_TYPES,
  QUESTIONNAIRE_LIMITS,
  type Question,
  type Questionnaire,
  type QuestionOption,
  type QuestionType,
  type ShowWhen,
  YES_NO_OPTIONS,
} from './types';
export * from './visibility';
