import type { AgeBand, Sex } from '@carelane/core';

export type PatientStats = {
  total: number;
  newThisMonth: number;
  seenLast90Days: number;
  bySex: Array<{ sex: Sex | 'unknown'; count: number }>;
  /** 'unknown' counts records without a birth date. */
  byAgeBand: Array<{ band: AgeBand | 'unknown'; count: number }>;
  /** null: no lead source recorded. */
  byLeadSource: Array<{ source: string | null; count: number }>;
};
