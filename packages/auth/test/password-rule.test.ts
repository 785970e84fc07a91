import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../src/password-rule';

describe('staff password rule', () => {
  it('refuses short ones, common ones in any case, and the own email or name', async () => {
    expect(await passwordProblem('short1!')).toMatch(/at least 10/);
    expect(await passwordProblem('qwertyuiop')).toMatch(/common passwords/);
    expect(await passwordProblem('PassWord123')).toMatch(/common passwords/);
    expect(await passwordProblem('asha.rao@clinic.example', { email: 'asha.rao@clinic.example' })).toMatch(/own name/);
    expect(await passwordProblem('AshaRaoKumar', { name: 'Asha Rao Kumar' })).toMatch(/own name/);
    expect(await passwordProblem('x'.repeat(201))).toMatch(/at most 200/);
  });

  it('accepts any long enough password that is not on the list', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 10, maxLength: 40 }), async (tail) => {
        // A prefix no leaked password starts with keeps the sample off the list.
        const password = `Zq7#Carelane-${tail}`.slice(0, 200);
        expect(await passwordProblem(password)).toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});
