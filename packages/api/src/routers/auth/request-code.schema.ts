import { z } from 'zod';

export const phoneField = z.string().trim().min(6, 'Enter a mobile number').max(32, 'That number is too long');

export const requestCodeInput = z.object({ phone: phoneField });
export type RequestCodeInput = z.infer<typeof requestCodeInput>;
