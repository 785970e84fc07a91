import { type Answers, DEFAULT_QUESTIONNAIRES, visibleQuestions } from '@carelane/core';

/** A 1x1 PNG, as signature_pad would send a (very small) drawing. */
export const SIGNATURE =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** An answer to every question shown, of the right kind. */
export function answerAll(): Answers {
  const answers: Answers = {};
  for (let round = 0; round < 3; round++) {
    for (const q of visibleQuestions(DEFAULT_QUESTIONNAIRES.general, answers)) {
      if (q.id in answers) continue;
      const first = q.options?.[0]?.value ?? '';
      answers[q.id] =
        q.type === 'checkbox'
          ? [first]
          : q.type === 'radio'
            ? first
            : q.type === 'yes_no'
              ? 'no'
              : q.type === 'date'
                ? '2001-05-06'
                : 'Nothing to add';
    }
  }
  return answers;
}
