import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FormRequestFacts, formRequestState, formRequestUsable, isFormToken } from '../src/form-requests';

const NOW = new Date('2026-11-21T10:00:00Z');
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const base: FormRequestFacts = {
  expiresAt: at(60),
  openedAt: null,
  submittedAt: null,
  revokedAt: null,
  lockedAt: null,
};

describe('formRequestState', () => {
  it('reads each state', () => {
    expect(formRequestState(base, NOW)).toBe('sent');
    expect(formRequestState({ ...base, openedAt: at(-5) }, NOW)).toBe('opened');
    expect(formRequestState({ ...base, expiresAt: NOW }, NOW)).toBe('expired');
    expect(formRequestState({ ...base, lockedAt: at(-1) }, NOW)).toBe('locked');
    expect(formRequestState({ ...base, revokedAt: at(-1), lockedAt: at(-2) }, NOW)).toBe('revoked');
    // Submitted before it expired or was revoked: it stays submitted.
    expect(formRequestState({ ...base, submittedAt: at(-3), revokedAt: at(-1), expiresAt: at(-2) }, NOW)).toBe(
      'submitted',
    );
  });

  it('is usable exactly while sent or opened', () => {
    const maybe = fc.option(fc.integer({ min: -600, max: 600 }).map(at), { nil: null });
    fc.assert(
      fc.property(fc.integer({ min: -600, max: 600 }), maybe, maybe, maybe, maybe, (exp, opened, sub, rev, lock) => {
        const request = { expiresAt: at(exp), openedAt: opened, submittedAt: sub, revokedAt: rev, lockedAt: lock };
        const usable = formRequestUsable(request, NOW);
        expect(usable).toBe(!sub && !rev && !lock && at(exp) > NOW);
      }),
    );
  });
});

describe('isFormToken', () => {
  it('accepts 128-bit base64url tokens only', () => {
    expect(isFormToken(Buffer.alloc(16, 7).toString('base64url'))).toBe(true);
    expect(isFormToken('short')).toBe(false);
    expect(isFormToken(`${'a'.repeat(21)}=`)).toBe(false);
    expect(isFormToken('a'.repeat(23))).toBe(false);
  });
});
