import type { FormRequestState } from '@carelane/core';
import { Pill } from '@carelane/ui';
import { FORM_STATES } from './form-format';

/** The state of a form link as a coloured pill with its word. */
export function FormStateBadge({ state }: { state: FormRequestState }) {
  const { label, className } = FORM_STATES[state];
  return <Pill tone={className}>{label}</Pill>;
}
