import { describe, expect, it } from 'vitest';
import {
  answerProblems,
  CLINIC_KINDS,
  DEFAULT_QUESTIONNAIRES,
  questionnaireProblems,
  visibleQuestions,
} from '../src/questionnaire';
import { TODAY } from './questionnaire-fixtures';

describe('DEFAULT_QUESTIONNAIRES', () => {
  it.each(CLINIC_KINDS)('%s can be published and has 8 to 15 questions', (kind) => {
    const q = DEFAULT_QUESTIONNAIRES[kind];
    expect(questionnaireProblems(q)).toEqual([]);
    expect(q.questions.length).toBeGreaterThanOrEqual(8);
    expect(q.questions.length).toBeLessThanOrEqual(15);
  });

  it('asks about pregnancy before dental x-rays only when the patient is female', () => {
    const dental = DEFAULT_QUESTIONNAIRES.dental;
    const shown = (sex: string) => visibleQuestions(dental, { sex }).map((q) => q.id);
    expect(shown('female')).toContain('pregnant');
    expect(shown('male')).not.toContain('pregnant');
  });

  it('asks each required question by name when nothing is answered', () => {
    for (const kind of CLINIC_KINDS) {
      const q = DEFAULT_QUESTIONNAIRES[kind];
      const required = visibleQuestions(q, {}).filter((x) => x.required);
      expect(answerProblems(q, {}, TODAY).map((p) => p.questionId)).toEqual(required.map((x) => x.id));
    }
  });
});
