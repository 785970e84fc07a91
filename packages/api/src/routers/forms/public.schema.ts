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

/** signature_pad's PNG as a data URL; 1 MB of base64 is far more than a finger's signature needs. */
const SIGNATURE = /^data:image\/png;base64,[A-Za-z0-9+/]+=*$/;

export const submitFormInput = z.object({
  token,
  pass: z.string().max(200),
  answers: z
    .record(z.string().max(64), z.union([z.string().max(5000), z.array(z.string().max(200)).max(50)]))
    .refine((answers) => Object.keys(answers).length <= 200, 'Too many answers'),
  signature: z.string().max(1_400_000, 'The signature is too large').regex(SIGNATURE, 'Sign in the box before sending'),
});
export type SubmitFormInput = z.infer<typeof submitFormInput>;
