import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Twilio's `X-Twilio-Signature`: HMAC-SHA1, keyed by the account's auth token, of the full URL
 * Twilio requested followed by every POST parameter as name + value, names sorted; base64.
 */
export function twilioSignature(url: string, params: Record<string, string>, authToken: string): string {
  const names = Object.keys(params).sort();
  const data = names.reduce((text, name) => text + name + (params[name] ?? ''), url);
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

/** Checks a status callback's signature in constant time; a signature of another length is simply wrong. */
export function verifyTwilioSignature(
  url: string,
  params: Record<string, string>,
  signature: string,
  authToken: string,
): boolean {
  const expected = Buffer.from(twilioSignature(url, params, authToken), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
