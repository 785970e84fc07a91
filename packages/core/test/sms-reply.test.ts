import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smsReplyIntent } from '../src/sms-reply';

describe('smsReplyIntent', () => {
  it('reads the words a reminder asks for, however they are typed', () => {
    for (const body of ['1', 'YES', 'yes', ' Y ', 'Yes!', 'confirm', '1.'])
      expect(smsReplyIntent(body)).toBe('confirm');
    for (const body of ['2', 'NO', 'no', 'Cancel', ' cancel. ']) expect(smsReplyIntent(body)).toBe('cancel');
  });

  it('acts on nothing else', () => {
    for (const body of ['', 'hello', 'yes please', 'no thanks', '12', 'not', 'cancel my visit', 'STOP']) {
      expect(smsReplyIntent(body)).toBeNull();
    }
  });

  it('a reply with a letter or digit beyond the known words is never acted on', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('1', '2', 'yes', 'no', 'y', 'cancel', 'confirm'),
        fc.stringMatching(/^[a-z0-9]+$/),
        (word, extra) => {
          expect(smsReplyIntent(`${word} ${extra}`)).toBeNull();
        },
      ),
    );
  });
});
