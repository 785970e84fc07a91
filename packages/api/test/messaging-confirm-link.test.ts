import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signAction, verifyAction } from '../src/messaging/confirm-link';

const SECRET = 'a-test-secret-of-at-least-32-characters';
const ID = '3f2b8c1e-9a4d-4e7b-8f10-2c3d4e5f6a7b';
const EXPIRES = new Date('2026-12-10T04:30:00Z');
const BEFORE = new Date('2026-12-10T04:29:59Z');
const token = signAction({ appointmentId: ID, action: 'confirm', expiresAt: EXPIRES }, SECRET);

describe('appointment action links', () => {
  it('a signed token verifies to its appointment and action, and is short', () => {
    expect(verifyAction(token, SECRET, BEFORE)).toEqual({ ok: true, appointmentId: ID, action: 'confirm' });
    expect(token).toMatch(/^[A-Za-z0-9_-]{51}$/);
    const cancel = signAction({ appointmentId: ID, action: 'cancel', expiresAt: EXPIRES }, SECRET);
    expect(verifyAction(cancel, SECRET, BEFORE)).toEqual({ ok: true, appointmentId: ID, action: 'cancel' });
  });

  it('round-trips any UUID, action and expiry', () => {
    fc.assert(
      fc.property(
        fc.uuid(),
        fc.constantFrom('confirm' as const, 'cancel' as const),
        fc.integer({ min: 1, max: 2 ** 32 - 1 }),
        (id, action, s) => {
          const t = signAction({ appointmentId: id, action, expiresAt: new Date(s * 1000) }, SECRET);
          expect(verifyAction(t, SECRET, new Date(s * 1000 - 1))).toEqual({
            ok: true,
            appointmentId: id.toLowerCase(),
            action,
          });
        },
      ),
    );
  });

  it('expires at expiresAt', () => {
    expect(verifyAction(token, SECRET, EXPIRES)).toEqual({ ok: false, reason: 'expired' });
  });

  it('a token signed with another secret is tampered', () => {
    expect(verifyAction(token, 'another-secret-of-at-least-32-characters', BEFORE)).toEqual({
      ok: false,
      reason: 'tampered',
    });
  });

  it('flipping any bit of any byte is caught, even of an expired token', () => {
    const bytes = Buffer.from(token, 'base64url');
    for (let i = 0; i < bytes.length; i++) {
      for (let bit = 0; bit < 8; bit++) {
        const copy = Buffer.from(bytes);
        copy[i] = (copy[i] ?? 0) ^ (1 << bit);
        expect(verifyAction(copy.toString('base64url'), SECRET, BEFORE)).toEqual({ ok: false, reason: 'tampered' });
        expect(verifyAction(copy.toString('base64url'), SECRET, new Date('2030-01-01'))).toEqual({
          ok: false,
          reason: 'tampered',
        });
      }
    }
  });

  it('changing any character of the token never verifies', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 0; i < token.length; i++) {
      for (const c of alphabet) {
        if (c === token[i]) continue;
        const changed = token.slice(0, i) + c + token.slice(i + 1);
        expect(verifyAction(changed, SECRET, BEFORE).ok).toBe(false);
      }
    }
  });

  it('anything of the wrong shape is malformed', () => {
    for (const bad of ['', 'abc', `${token}A`, token.slice(1), `${token.slice(0, -1)}=`, `${token.slice(0, -1)}+`]) {
      expect(verifyAction(bad, SECRET, BEFORE)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('refuses to sign what it could not carry', () => {
    expect(() => signAction({ appointmentId: 'not-a-uuid', action: 'confirm', expiresAt: EXPIRES }, SECRET)).toThrow(
      RangeError,
    );
    expect(() =>
      signAction({ appointmentId: ID, action: 'confirm', expiresAt: new Date('2200-01-01') }, SECRET),
    ).toThrow(RangeError);
  });
});
