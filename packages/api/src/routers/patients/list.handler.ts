import type { StaffContext } from '../../trpc';
import type { PatientListInput, PatientListOutput } from './list.schema';
import { listPatients } from './list-query';

/** The registry list, a page at a time (the query is shared with the export). */
export async function patientListHandler({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: PatientListInput;
}): Promise<PatientListOutput> {
  return listPatients(ctx, input);
}
