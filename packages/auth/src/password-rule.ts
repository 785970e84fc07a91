import { passwordLengthProblem } from '@carelane/core';

let common: Promise<Set<string>> | undefined;

/** zxcvbn-ts's list of ~49,000 leaked passwords, loaded on first use (it is large). */
function commonPasswords(): Promise<Set<string>> {
  common ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase())),
  );
  return common;
}

/**
 * Why a new staff password is refused, or null: too short or long, one of the common leaked
 * passwords (in any letter case), or the person's own email or name.
 */
export async function passwordProblem(
  password: string,
  person: { email?: string | null; name?: string | null } = {},
): Promise<string | null> {
  const length = passwordLengthProblem(password);
  if (length) return length;
  const lower = password.toLowerCase();
  if ((await commonPasswords()).has(lower)) {
    return 'This password is on a list of common passwords that attackers try first. Choose another';
  }
  const own = [person.email, person.email?.split('@')[0], person.name?.replace(/\s+/g, '')]
    .filter((v): v is string => Boolean(v && v.length >= 4))
    .map((v) => v.toLowerCase());
  if (own.includes(lower)) return 'Do not use your own name or email as your password';
  return null;
}
