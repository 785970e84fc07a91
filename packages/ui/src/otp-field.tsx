import { TextField } from './field';

/** The 6-digit one-time code input, set up for SMS autofill and numeric keyboards. */
export function OtpCodeField() {
  return (
    <TextField
      label="6-digit code"
      name="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]{6}"
      maxLength={6}
      required
      autoFocus
    />
  );
}
