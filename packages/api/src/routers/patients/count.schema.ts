export { type PatientFiltersInput as PatientCountInput, patientFiltersInput as patientCountInput } from './list.schema';

/**
 * Counting stops here: "1,000+ patients" says as much to the front desk as an exact figure, and
 * an exact count of a broad filter over a large registry reads every match. The statistics cards
 * carry the exact totals.
 */
export const PATIENT_COUNT_CAP = 1000;

/** How many patients the list holds; `capped` when there are more than `count`. */
export type PatientCount = { count: number; capped: boolean };
