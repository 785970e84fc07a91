import { z } from 'zod';

/** The link's token as the page read it from its address; shape is checked by the handler (same answer for any unknown link). */
const token = z.string().max(100);

export const openFormInput = z.object({ token });
export type OpenFormInput = z.infer<typeof openFormInput>;

export const confirmFormInput = z.object({
  token,
  birthDate: z.iso.date('Enter the date of birth as a date'),
});
export type ConfirmFormInput = z.infer<typeof confirmFormInput>;
