import { onboardingShape } from '@carelane/db/onboarding';
import { z } from 'zod';

/** The setup code printed on the server's console, then the organization, its first centre and its first admin. */
export const completeSetupInput = z.object({
  code: z.string().trim().min(1, 'Enter the setup code from the server’s console').max(40, 'This is not a setup code'),
  ...onboardingShape,
});

export type CompleteSetupInput = z.infer<typeof completeSetupInput>;
