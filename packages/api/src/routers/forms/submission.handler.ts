import type { StaffContext } from '../../trpc';
import { readFormSubmission } from './read-submission';
import type { FormSubmissionInput } from './submission.schema';

/** One submission as the patient sent it; only clinicians and admins read it, like clinical notes. */
export async function formSubmissionHandler({ ctx, input }: { ctx: StaffContext; input: FormSubmissionInput }) {
  return readFormSubmission(ctx, input.id);
}
