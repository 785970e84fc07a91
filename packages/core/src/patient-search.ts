/**
 * How one search box reads what was typed: a name (fuzzy), a phone number in any format or its
 * last digits, an email, or a record number. Several readings can hold at once ("4521" may be
 * the end of a phone number or a record number); the query ORs them.
 */
export type PatientSearchTerms = {
  /** Lower-case, spaces collapsed: compared by trigram similarity to "first last". */
  name: string | null;
  /** Digits the number must end with: trunk and international zeros dropped, at most 15. */
  phoneSuffix: string | null;
  /** Lower-case start of an email address. */
  emailPrefix: string | null;
  /** Compared exactly, as typed and upper-cased. */
  mrn: string;
};

/** Fewer digits than this match too many numbers to be a useful phone search. */
export const MIN_PHONE_DIGITS = 4;
const MAX_PHONE_DIGITS = 15;
/** A national number is at least this long; shorter input is the end of one. */
const FULL_NUMBER_DIGITS = 10;

export function parsePatientSearch(q: string): PatientSearchTerms | null {
  const text = q.trim().replace(/\s+/g, ' ');
  if (text === '') return null;
  const phoneLike = /^[+\d\s().-]+$/.test(text);
  const typed = text.replace(/\D/g, '');
  // Leading zeros of a whole number are trunk or international prefixes ("098765…", "0091…");
  // those of a few last digits ("…000123") are part of the number and must stay.
  const whole = typed.replace(/^0+/, '');
  const digits = (whole.length >= FULL_NUMBER_DIGITS ? whole : typed).slice(-MAX_PHONE_DIGITS);
  const email = !text.includes(' ') && text.includes('@');
  return {
    name: phoneLike || email || text.length < 2 ? null : text.toLowerCase(),
    phoneSuffix: phoneLike && digits.length >= MIN_PHONE_DIGITS ? digits : null,
    emailPrefix: email ? text.toLowerCase() : null,
    mrn: text,
  };
}

/**
 * Lowest trigram word similarity that counts as a name match: "Shurma" finds "Sharma" (0.4).
 * Swapped letters ("Shrama", 0.27) are beyond what trigrams forgive. Every database connection
 * starts with it as pg_trgm.word_similarity_threshold (createDb), which the `<%` operator reads.
 */
export const NAME_MATCH_THRESHOLD = 0.4;

/** The age bands of the patients' statistics, youngest first. */
export const AGE_BANDS = ['0-17', '18-29', '30-44', '45-59', '60-74', '75+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
