import { z } from 'zod';

const name = z.string().trim().min(2, 'Name the plan').max(120, 'Keep the name under 120 characters');
const ids = (what: string) =>
  z
    .array(z.uuid(`Not a ${what} id`))
    .max(64, 'A plan holds at most 64 treatments')
    .refine((list) => new Set(list).size === list.length, 'A treatment is listed twice');

export const planListInput = z.object({ patientId: z.uuid('Not a patient id') });
export type PlanListInput = z.infer<typeof planListInput>;

/** A plan groups planned treatments of one patient; it may start empty and be filled while proposed. */
export const planCreateInput = z.object({
  patientId: z.uuid('Not a patient id'),
  name,
  treatmentIds: ids('treatment').default([]),
});
export type PlanCreateInput = z.infer<typeof planCreateInput>;

export const planUpdateInput = z
  .object({
    id: z.uuid('Not a plan id'),
    name: name.optional(),
    addTreatmentIds: ids('treatment').default([]),
    removeTreatmentIds: ids('treatment').default([]),
  })
  .refine((v) => !v.addTreatmentIds.some((id) => v.removeTreatmentIds.includes(id)), {
    path: ['removeTreatmentIds'],
    message: 'A treatment cannot be added and removed at once',
  });
export type PlanUpdateInput = z.infer<typeof planUpdateInput>;

export const planAcceptInput = z.object({ id: z.uuid('Not a plan id') });
export type PlanAcceptInput = z.infer<typeof planAcceptInput>;

export const planDeclineInput = z.object({
  id: z.uuid('Not a plan id'),
  reason: z.string().trim().max(500, 'Keep the reason under 500 characters').optional(),
});
export type PlanDeclineInput = z.infer<typeof planDeclineInput>;
