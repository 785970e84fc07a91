import { describe, expect, it } from 'vitest';
import { gstinProblem, isCurrencyCode, normaliseTaxId, SITE_SLUG, taxIdProblem } from '../src/organization';

describe('gstinProblem', () => {
  it('accepts real GSTINs', () => {
    for (const gstin of ['27AAPFU0939F1ZV', '29AAGCB7383J1Z4', '07AAACR5055K1Z9', '33AAACH7409R1Z8']) {
      expect(gstinProblem(gstin), gstin).toBeNull();
    }
  });

  it('refuses a wrong length, shape, state code or check character', () => {
    expect(gstinProblem('27AAPFU0939F1Z')).toMatch(/15 characters/);
    expect(gstinProblem('27AAPFU09391FZV')).toMatch(/not a GSTIN/);
    expect(gstinProblem('45AAPFU0939F1ZV')).toMatch(/not a GSTIN/);
    expect(gstinProblem('27AAPFU0939F1ZW')).toMatch(/last character/);
  });
});

describe('taxIdProblem', () => {
  it('checks a GSTIN in India and a plain number elsewhere', () => {
    expect(taxIdProblem(normaliseTaxId(' 27aapfu0939f1zv '), 'IN')).toBeNull();
    expect(taxIdProblem('GB123456789', 'IN')).not.toBeNull();
    expect(taxIdProblem('GB123456789', 'GB')).toBeNull();
    expect(taxIdProblem('AB', 'GB')).not.toBeNull();
  });
});

describe('isCurrencyCode and SITE_SLUG', () => {
  it('knows ISO 4217 codes in upper case only', () => {
    expect(isCurrencyCode('INR')).toBe(true);
    expect(isCurrencyCode('USD')).toBe(true);
    expect(isCurrencyCode('usd')).toBe(false);
    expect(isCurrencyCode('XYZ')).toBe(false);
  });

  it('allows lowercase letters, digits and single inner hyphens', () => {
    expect(SITE_SLUG.test('sunrise-health-2')).toBe(true);
    for (const bad of ['Sunrise', '-sunrise', 'sunrise-', 'sun--rise', 'sun rise', 'sunrise_health']) {
      expect(SITE_SLUG.test(bad), bad).toBe(false);
    }
  });
});
