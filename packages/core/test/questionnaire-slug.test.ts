import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUESTIONNAIRE_LIMITS, questionnaireProblems, uniqueSlug } from '../src/questionnaire';

describe('uniqueSlug', () => {
  it('turns a label into readable lower-case words', () => {
    expect(uniqueSlug('Do you smoke?', new Set(), 'question')).toBe('do-you-smoke');
    expect(uniqueSlug('  Café / Tea  ', new Set(), 'option')).toBe('cafe-tea');
  });

  it('numbers a slug that is taken', () => {
    expect(uniqueSlug('Smoking', new Set(['smoking']), 'question')).toBe('smoking-2');
    expect(uniqueSlug('Smoking', new Set(['smoking', 'smoking-2']), 'question')).toBe('smoking-3');
  });

  it('falls back when the text has no ASCII letters or digits', () => {
    expect(uniqueSlug('क्या आप धूम्रपान करते हैं?', new Set(), 'question')).toBe('question');
    expect(uniqueSlug('', new Set(['question']), 'question')).toBe('question-2');
  });

  it('always gives an id the questionnaire rules accept, unlike every taken one', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.uniqueArray(fc.stringMatching(/^[a-z]{1,4}(-[0-9])?$/)),
        (text, taken) => {
          const takenSet = new Set(taken);
          const id = uniqueSlug(text, takenSet, 'question');
          expect(takenSet.has(id)).toBe(false);
          expect(id.length).toBeLessThanOrEqual(QUESTIONNAIRE_LIMITS.id);
          const problems = questionnaireProblems({ questions: [{ id, type: 'text', label: 'Q', required: false }] });
          expect(problems).toEqual([]);
        },
      ),
    );
  });
});
