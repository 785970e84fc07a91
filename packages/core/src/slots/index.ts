export { aggregateSlots } from './aggregate';
export {
  formatShortDay,
  type HoursCheck,
  type HoursGap,
  hoursGap,
  hoursGapReason,
  hoursGapSentence,
} from './hours-check';
export { BOOKING_WINDOW_SLACK_DAYS, computeSlots, searchSpan, withinBookingWindow } from './slots';
export * from './types';
export { checkWeeklyHours, type HoursProblem, type WeeklyHoursEntry } from './weekly-hours';
export { workingRanges } from './working-ranges';
export { wallClockInstant } from './zone-clock';
