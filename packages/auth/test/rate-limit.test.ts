import { createDb } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { OTP_POLICY, SIGN_IN_LIMITS } from '../src/policy';
import { createRateLimits, RateLimitedError } from '../src/rate-limit';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
});
afterAll(() => t.close());

describe('rate limits', () => {
  it('refuse once the points are spent, saying how long to wait', async () => {
    const limits = createRateLimits(t.db);
    await limits.consume([['otpResend', 'spent']]);
    const refused = await limits.consume([['otpResend', 'spent']]).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(RateLimitedError);
    const { retryAfterSeconds, message } = refused as RateLimitedError;
    expect(retryAfterSeconds).toBeGreaterThan(0);
    expect(retryAfterSeconds).toBeLessThanOrEqual(OTP_POLICY.resendAfterSeconds);
    expect(message).toMatch(/Please wait \d+ seconds/);
  });

  it('count each key and each limiter apart', async () => {
    const limits = createRateLimits(t.db);
    await limits.consume([['otpResend', 'one']]);
    await expect(limits.consume([['otpResend', 'two']])).resolves.toBeUndefined();
    await expect(limits.consume([['otpPhone', 'one']])).resolves.toBeUndefined();
  });

  it('hold for every app instance, being kept in PostgreSQL', async () => {
    await createRateLimits(t.db).consume([['otpResend', 'shared']]);
    const otherInstance = createDb(t.url, { max: 1 });
    try {
      await expect(createRateLimits(otherInstance.db).consume([['otpResend', 'shared']])).rejects.toBeInstanceOf(
        RateLimitedError,
      );
    } finally {
      await otherInstance.close();
    }
  });

  it('forget an identifier once reset (a successful sign-in)', async () => {
    const limits = createRateLimits(t.db);
    for (let i = 0; i < SIGN_IN_LIMITS.perIdentifier; i++) await limits.consume([['signInIdentifier', 'someone']]);
    await expect(limits.consume([['signInIdentifier', 'someone']])).rejects.toBeInstanceOf(RateLimitedError);
    await limits.reset('signInIdentifier', 'someone');
    await expect(limits.consume([['signInIdentifier', 'someone']])).resolves.toBeUndefined();
  });
});

describe('the refusal', () => {
  it('says seconds for a short wait and minutes for a long one', () => {
    expect(new RateLimitedError(45).message).toBe('Too many attempts. Please wait 45 seconds and try again.');
    expect(new RateLimitedError(600).message).toBe('Too many attempts. Please try again in 10 minutes.');
    expect(new RateLimitedError(91).message).toBe('Too many attempts. Please try again in 2 minutes.');
  });
});
