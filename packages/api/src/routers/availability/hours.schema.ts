import { checkWeeklyHours } from '@carelane/core';
import { z } from 'zod';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 09:00');

export const weeklyHoursInput = z.object({ clinicianId: z.uuid('Choose a clinician') });
export type WeeklyHoursInput = z.infer<typeof weeklyHoursInput>;

export const setWeeklyHoursInput = z
  .object({
    clinicianId: z.uuid('Choose a clinician'),
    centreId: z.uuid('Choose a centre'),
    /** From this local date the new hours apply; earlier days keep the old ones. Today when omitted. */
    validFrom: z.iso.date('Use a date like 2026-12-01').optional(),
    entries: z
      .array(
        z.object({
          weekday: z.number().int().min(1, 'Choose a day of the week').max(7, 'Choose a day of the week'),
          start: time,
          end: time,
          mode: z.enum(['in_person', 'online']).default('in_person'),
        }),
      )
      .max(50, 'At most 50 ranges a week'),
  })
  .superRefine((value, ctx) => {
    for (const problem of checkWeeklyHours(value.entries)) {
      ctx.addIssue({ code: 'custom', path: ['entries', problem.index, problem.field], message: problem.message });
    }
  });
export type SetWeeklyHoursInput = z.infer<typeof setWeeklyHoursInput>;

export const exceptionsInput = z.object({
  clinicianId: z.uuid('Choose a clinician'),
  from: z.iso.date('Use a date like 2026-12-01').optional(),
  days: z.number().int().min(1).max(366).default(90),
});
export type ExceptionsInput = z.infer<typeof exceptionsInput>;

export const addExceptionInput = z
  .object({
    kind: z.enum(['time_off', 'extra_hours', 'closure'], { error: 'Choose time off, extra hours or closure' }),
    /** Time off and extra hours belong to a clinician; a closure to a whole centre. */
    clinicianId: z.uuid('Choose a clinician').optional(),
    centreId: z.uuid('Choose a centre').optional(),
    startsAt: z.coerce.date({ error: 'Choose a start' }),
    endsAt: z.coerce.date({ error: 'Choose an end' }),
    reason: z.string().trim().max(200, 'Keep the reason under 200 characters').optional(),
    /**
     * Time off or a closure over booked visits is saved only once the person has seen them: without
     * this, such a request is a CONFLICT listing the visits and saves nothing.
     */
    bookedVisitsSeen: z.boolean().default(false),
  })
  .refine((v) => v.endsAt > v.startsAt, { path: ['endsAt'], message: 'The end must be after the start' })
  .refine((v) => v.endsAt.getTime() - v.startsAt.getTime() <= 366 * 86_400_000, {
    path: ['endsAt'],
    message: 'At most a year at a time',
  })
  .refine((v) => (v.kind === 'closure' ? v.centreId && !v.clinicianId : v.clinicianId), {
    path: ['clinicianId'],
    message: 'Time off and extra hours need a clinician; a closure needs a centre only',
  });
export type AddExceptionInput = z.infer<typeof addExceptionInput>;

export const removeExceptionInput = z.object({ id: z.uuid('Not an exception id') });
export type RemoveExceptionInput = z.infer<typeof removeExceptionInput>;
