import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ianaZone, knownZones } from '../src';

describe('ianaZone', () => {
  it('accepts IANA names, fixing their case and trimming', () => {
    expect(ianaZone('Europe/London')).toBe('Europe/London');
    expect(ianaZone('  europe/london ')).toBe('Europe/London');
    expect(ianaZone('UTC')).toBe('UTC');
    expect(ianaZone('America/Argentina/Buenos_Aires')).toBe('America/Argentina/Buenos_Aires');
  });

  it('keeps an alias the runtime accepts as typed', () => {
    // ICU lists Asia/Calcutta; clinics write Asia/Kolkata, and both must stay valid.
    expect(ianaZone('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(ianaZone('Asia/Calcutta')).toBe('Asia/Calcutta');
  });

  it('refuses offsets, unknown places and junk', () => {
    for (const bad of [
      '',
      ' ',
      '+05:30',
      'GMT+5:30',
      'Mars/Olympus',
      'Asia/',
      '/Asia',
      'Asia//Kolkata',
      'Asia/Kolkata;',
    ]) {
      expect(ianaZone(bad), bad).toBeNull();
    }
  });

  it('returns every listed zone as itself', () => {
    fc.assert(fc.property(fc.constantFrom(...knownZones()), (zone) => ianaZone(zone) === zone));
  });

  it('returns null or a zone Intl can format in, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (input) => {
        const zone = ianaZone(input);
        if (zone === null) return true;
        return new Intl.DateTimeFormat('en', { timeZone: zone }).format(new Date(0)).length > 0;
      }),
    );
  });
});
