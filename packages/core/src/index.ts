export * from './appointment-status';
export * from './constants';
export * from './money';
export * from './names';
export * from './phone';
export * from './recurrence';
export * from './slots';
export * from './time';
