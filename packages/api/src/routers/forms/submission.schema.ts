import { z } from 'zod';

export const formSubmissionInput = z.object({ id: z.uuid('Not a submission id') });
export type FormSubmissionInput = z.infer<typeof formSubmissionInput>;
