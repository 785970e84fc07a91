export { aggregateSlots } from './aggregate';
export { computeSlots, searchSpan } from './slots';
export * from './types';
export { workingRanges } from './working-ranges';
export { wallClockInstant } from './zone-clock';
