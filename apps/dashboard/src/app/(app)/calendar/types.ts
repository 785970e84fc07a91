import type { RouterOutputs } from '@carelane/api/client';

export type CalendarView = RouterOutputs['calendar']['view'];
export type CalendarColumn = CalendarView['columns'][number];
export type CalendarAppointment = CalendarColumn['appointments'][number];

/** Where a new appointment or a moved one lands. */
export type SlotTarget = {
  clinicianId: string;
  clinicianName: string;
  specialisations: string[];
  date: string;
  startsAt: Date;
};

/** Pixels per minute of the time grid. */
export const PX_PER_MINUTE = 2;
