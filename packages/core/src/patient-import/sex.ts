import type { Sex } from '../constants';

/**
 * The ways registers write sex: letters and English words in any case, Hindi in Latin letters,
 * and the common words of Hindi, Marathi, Gujarati, Bengali, Tamil, Telugu, Kannada and Malayalam.
 */
const SEX_WORDS: Record<string, Sex> = {
  m: 'male',
  male: 'male',
  man: 'male',
  boy: 'male',
  purush: 'male',
  pursh: 'male',
  f: 'female',
  female: 'female',
  woman: 'female',
  girl: 'female',
  mahila: 'female',
  stri: 'female',
  aurat: 'female',
  o: 'other',
  other: 'other',
  others: 'other',
  anya: 'other',
  t: 'other',
  tg: 'other',
  transgender: 'other',
  u: 'unknown',
  unknown: 'unknown',
  // Hindi and Marathi (Devanagari); पुरूष is a common misspelling.
  पुरुष: 'male',
  पुरूष: 'male',
  महिला: 'female',
  स्त्री: 'female',
  स्री: 'female',
  औरत: 'female',
  अन्य: 'other',
  इतर: 'other',
  // Gujarati
  પુરુષ: 'male',
  સ્ત્રી: 'female',
  મહિલા: 'female',
  અન્ય: 'other',
  // Bengali
  পুরুষ: 'male',
  মহিলা: 'female',
  নারী: 'female',
  অন্যান্য: 'other',
  // Tamil
  ஆண்: 'male',
  பெண்: 'female',
  // Telugu
  పురుషుడు: 'male',
  మగ: 'male',
  స్త్రీ: 'female',
  మహిళ: 'female',
  ఆడ: 'female',
  // Kannada
  ಪುರುಷ: 'male',
  ಗಂಡು: 'male',
  ಮಹಿಳೆ: 'female',
  ಹೆಣ್ಣು: 'female',
  ಸ್ತ್ರೀ: 'female',
  // Malayalam
  പുരുഷൻ: 'male',
  ആൺ: 'male',
  സ്ത്രീ: 'female',
  പെൺ: 'female',
};

/** "F", " Male. ", "महिला" -> the sex they name; null for a word we do not know. */
export function parseSex(value: string): Sex | null {
  const key = value.normalize('NFC').trim().toLowerCase().replace(/\.$/, '').trim();
  return Object.hasOwn(SEX_WORDS, key) ? (SEX_WORDS[key] ?? null) : null;
}
