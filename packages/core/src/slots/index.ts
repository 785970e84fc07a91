export { aggregateSlots } from './aggregate';
export { computeSlots, searchSpan, withinBookingWindow } from './slots';
export * from './types';
export { checkWeeklyHours, type HoursProblem, type WeeklyHoursEntry } from './weekly-hours';
export { workingRanges } from './working-ranges';
export { wallClockInstant } from './zone-clock';
