import { z } from 'zod';
import { phoneField } from './request-code.schema';

export const verifyCodeInput = z.object({
  phone: phoneField,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Enter the 6-digit code'),
});
export type VerifyCodeInput = z.infer<typeof verifyCodeInput>;
