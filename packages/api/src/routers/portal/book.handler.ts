import { bookForPatient } from '../../scheduling/patient-booking';
import type { PatientContext } from '../../trpc';
import type { SlotInput } from './book.schema';

/** A patient books a free slot of an online-bookable type for themselves. */
export function bookHandler({ ctx, input }: { ctx: PatientContext; input: SlotInput }) {
  return bookForPatient(ctx, input);
}
