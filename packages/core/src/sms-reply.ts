/** What a patient's SMS reply to a reminder asks for; null = something we do not act on. */
export type SmsReplyIntent = 'confirm' | 'cancel';

const CONFIRM = new Set(['1', 'YES', 'Y', 'CONFIRM']);
const CANCEL = new Set(['2', 'NO', 'CANCEL']);

/**
 * Reads a reply the way people type it on a phone: upper or lower case, surrounding spaces or punctuation
 * ("Yes!", " y ", "1."). Anything longer is not acted on, so a chatty message never cancels a visit.
 */
export function smsReplyIntent(body: string): SmsReplyIntent | null {
  const word = body
    .trim()
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '')
    .toUpperCase();
  if (CONFIRM.has(word)) return 'confirm';
  if (CANCEL.has(word)) return 'cancel';
  return null;
}
