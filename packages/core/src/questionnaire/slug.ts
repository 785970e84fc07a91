import { QUESTIONNAIRE_LIMITS } from './types';

/** Room left for a "-12" suffix within the id limit. */
const BASE_LENGTH = QUESTIONNAIRE_LIMITS.id - 8;

/**
 * A new question's id or option value from its text: lower-case ASCII words joined by '-', made
 * unique against `taken` with a number ("smoking-2"). Text with no ASCII letters or digits (a label
 * in Hindi) falls back to `fallback`. Existing ids are never re-derived: answers refer to them.
 */
export function uniqueSlug(text: string, taken: ReadonlySet<string>, fallback: string): string {
  const base =
    text
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, BASE_LENGTH)
      .replace(/^-+|-+$/g, '') || fallback;
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
