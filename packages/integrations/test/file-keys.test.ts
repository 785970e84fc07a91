import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidFileKey } from '../src/files/file-store';

const segment = fc.stringMatching(/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,20}$/);

describe('file keys', () => {
  it('accept relative paths of plain segments', () => {
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), (parts) => {
        expect(isValidFileKey(parts.join('/'))).toBe(true);
      }),
    );
  });

  it('refuse any key with a traversal, absolute, hidden or empty segment', () => {
    const bad = fc.constantFrom('..', '.', '', '.hidden', '.logo.png.meta.json');
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 3 }), bad, fc.array(segment, { maxLength: 3 }), (before, b, after) => {
        expect(isValidFileKey([...before, b, ...after].join('/'))).toBe(false);
      }),
    );
  });

  it('refuse characters outside the charset anywhere', () => {
    const odd = fc.constantFrom('\\', '\0', ' ', ':', '%', '?', '#', 'é', '\n');
    fc.assert(
      fc.property(segment, odd, segment, (a, c, b) => {
        expect(isValidFileKey(`${a}${c}${b}`)).toBe(false);
      }),
    );
  });

  it('refuse the usual attacks and over-long keys', () => {
    for (const key of ['/etc/passwd', '../secret', 'a/../../b', 'a//b', 'a/b/', 'C:\\x', '%2e%2e/x']) {
      expect(isValidFileKey(key)).toBe(false);
    }
    expect(isValidFileKey('a'.repeat(513))).toBe(false);
    expect(isValidFileKey('org-1/logo/0b9c.png')).toBe(true);
  });
});
