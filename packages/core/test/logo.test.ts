import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOGO_MAX_BYTES, logoPrecheck } from '../src';

describe('logoPrecheck', () => {
  it('lets PNG and JPEG files up to 5 MB through', () => {
    expect(logoPrecheck({ name: 'logo.png', type: 'image/png', size: 1200 })).toBeNull();
    expect(logoPrecheck({ name: 'logo.jpg', type: 'image/jpeg', size: LOGO_MAX_BYTES })).toBeNull();
    expect(logoPrecheck({ name: 'LOGO.JPEG', type: '', size: 10 })).toBeNull();
  });

  it('refuses other types, empty and oversized files with a plain sentence', () => {
    expect(logoPrecheck({ name: 'logo.gif', type: 'image/gif', size: 10 })).toBe('Choose a PNG or JPEG image.');
    expect(logoPrecheck({ name: 'notes.txt', type: '', size: 10 })).toBe('Choose a PNG or JPEG image.');
    expect(logoPrecheck({ name: 'logo.png', type: 'image/png', size: 0 })).toBe('This file is empty.');
    expect(logoPrecheck({ name: 'logo.png', type: 'image/png', size: LOGO_MAX_BYTES + 1 })).toBe(
      'Choose an image of at most 5 MB.',
    );
  });

  it('never lets a file over the limit or of another stated type through', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.oneof(fc.constantFrom('image/png', 'image/jpeg', 'image/gif', 'text/plain', ''), fc.string()),
        fc.nat({ max: LOGO_MAX_BYTES * 2 }),
        (name, type, size) => {
          const problem = logoPrecheck({ name, type, size });
          if (size > LOGO_MAX_BYTES || size === 0) return problem !== null;
          if (type && type !== 'image/png' && type !== 'image/jpeg') return problem !== null;
          if (!type) return (problem === null) === /\.(png|jpe?g)$/i.test(name);
          return problem === null;
        },
      ),
    );
  });
});
