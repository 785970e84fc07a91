import { SEXES } from '@carelane/core';
import { z } from 'zod';
import { decodeCursor, listOrder, PATIENT_SORTS } from './search-core';

const date = z.iso.date('Use a date like 2026-01-31');
const age = z.number().int('Use whole years').min(0, 'Age cannot be negative').max(130, 'Age is at most 130');

/** What narrows the registry: the search box and the filters (shared by the list, its count and the export). */
const filterFields = {
  q: z.string().trim().max(80, 'Search is limited to 80 characters').optional(),
  tags: z.array(z.string().trim().min(1, 'A tag cannot be blank').max(50)).max(20, 'At most 20 tags').optional(),
  /** Seen at this centre (a visit there). */
  centreId: z.uuid('Not a centre id').optional(),
  /** Seen by this clinician. */
  clinicianId: z.uuid('Not a clinician id').optional(),
  lastVisitFrom: date.optional(),
  lastVisitTo: date.optional(),
  ageMin: age.optional(),
  ageMax: age.optional(),
  sex: z.enum(SEXES, 'Choose female, male, other or unknown').optional(),
  /** Insurer name, matched case-insensitively. */
  healthPlan: z.string().trim().min(1).max(100).optional(),
  hasUpcoming: z.boolean().optional(),
  status: z.enum(['active', 'archived'], 'Choose active or archived').default('active'),
};

type FilterValues = {
  ageMin?: number | undefined;
  ageMax?: number | undefined;
  lastVisitFrom?: string | undefined;
  lastVisitTo?: string | undefined;
};

function checkRanges(input: FilterValues, ctx: z.RefinementCtx) {
  if (input.ageMin !== undefined && input.ageMax !== undefined && input.ageMin > input.ageMax) {
    ctx.addIssue({ code: 'custom', path: ['ageMax'], message: 'Must not be below the minimum age' });
  }
  if (input.lastVisitFrom && input.lastVisitTo && input.lastVisitFrom > input.lastVisitTo) {
    ctx.addIssue({ code: 'custom', path: ['lastVisitTo'], message: 'Must not be before the start date' });
  }
}

export const patientFiltersInput = z.object(filterFields).superRefine(checkRanges);
export type PatientFiltersInput = z.infer<typeof patientFiltersInput>;

export const patientListInput = z
  .object({
    ...filterFields,
    /** Defaults to relevance with a search, else name. */
    sort: z.enum(PATIENT_SORTS, 'Choose relevance, name, created or lastVisit').optional(),
    /** Defaults to asc for name, desc otherwise. (Not `direction`: tRPC's infinite queries own that name.) */
    order: z.enum(['asc', 'desc'], 'Choose asc or desc').optional(),
    cursor: z.string().max(600).optional(),
    limit: z.number().int().min(1, 'At least 1').max(100, 'At most 100').default(50),
  })
  .superRefine((input, ctx) => {
    checkRanges(input, ctx);
    if (input.sort === 'relevance' && (input.q ?? '') === '') {
      ctx.addIssue({ code: 'custom', path: ['sort'], message: 'Sort by relevance needs a search' });
    }
    if (input.cursor !== undefined) {
      const cursor = decodeCursor(input.cursor);
      const order = listOrder(input);
      if (!cursor || cursor.sort !== order.sort || cursor.order !== order.order) {
        ctx.addIssue({ code: 'custom', path: ['cursor'], message: 'Not a cursor from this list; start again' });
      }
    }
  });
export type PatientListInput = z.infer<typeof patientListInput>;
export type PatientListItem = {
  id: string;
  mrn: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  email: string | null;
  birthDate: string | null;
  sex: (typeof SEXES)[number] | null;
  tags: string[];
  createdAt: Date;
  lastVisitAt: Date | null;
  nextVisitAt: Date | null;
};
/** A page; the number of matches comes from patients.count, which the list does not wait for. */
export type PatientListOutput = { items: PatientListItem[]; nextCursor: string | null };
