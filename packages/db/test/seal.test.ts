import { describe, expect, it } from 'vitest';
import { seal, unseal } from '../src/seal';

describe('sealed outbox payloads', () => {
  it('round-trip with the same secret', () => {
    const sealed = seal({ code: '123456' }, 'secret-one-that-is-long-enough-000');
    expect(sealed).not.toContain('123456');
    expect(unseal(sealed, 'secret-one-that-is-long-enough-000')).toEqual({ code: '123456' });
  });

  it('refuse another secret or a tampered payload', () => {
    const sealed = seal({ code: '123456' }, 'secret-one-that-is-long-enough-000');
    expect(() => unseal(sealed, 'secret-two-that-is-long-enough-000')).toThrow();
    const [iv, tag, body] = sealed.split('.');
    const flipped = `${body?.[0] === 'A' ? 'B' : 'A'}${body?.slice(1)}`;
    expect(() => unseal([iv, tag, flipped].join('.'), 'secret-one-that-is-long-enough-000')).toThrow();
  });

  it('never produce the same ciphertext twice', () => {
    expect(seal({ code: '1' }, 'k'.repeat(32))).not.toBe(seal({ code: '1' }, 'k'.repeat(32)));
  });
});
