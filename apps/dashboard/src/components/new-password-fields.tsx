'use client';
import { PASSWORD_MIN_LENGTH, passwordLengthProblem } from '@carelane/core';
import { TextField } from '@carelane/ui';

export type NewPasswordProblems = { password?: string | undefined; repeat?: string | undefined };

/** What is wrong with a new password typed twice, before asking the server (length only). */
export function newPasswordProblems(password: string, repeat: string): NewPasswordProblems {
  return {
    password: passwordLengthProblem(password) ?? undefined,
    repeat: password === repeat ? undefined : 'The two passwords are not the same',
  };
}

/**
 * A new password and its repetition, with the rule told up front (the common-password list is
 * the server's check, shown as `serverProblem`). Shared by the invitation, the reset link and the
 * account's password change.
 */
export function NewPasswordFields(props: {
  password: string;
  repeat: string;
  onPassword: (value: string) => void;
  onRepeat: (value: string) => void;
  problems: NewPasswordProblems;
  serverProblem?: string | undefined;
  label?: string;
  repeatLabel?: string;
  autoFocus?: boolean;
}) {
  return (
    <>
      <TextField
        label={props.label ?? 'New password'}
        type="password"
        autoComplete="new-password"
        value={props.password}
        onChange={(e) => props.onPassword(e.target.value)}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. Not a common password, your name or your email. A few unrelated words make a good one.`}
        error={props.problems.password ?? props.serverProblem}
        required
        autoFocus={props.autoFocus}
      />
      <TextField
        label={props.repeatLabel ?? 'Type it again'}
        type="password"
        autoComplete="new-password"
        value={props.repeat}
        onChange={(e) => props.onRepeat(e.target.value)}
        error={props.problems.repeat}
        required
      />
    </>
  );
}
