export * from './channels';
export * from './date-time';
export * from './defaults';
export * from './kinds';
export * from './parse';
export * from './quiet-hours';
export * from './reminders';
export * from './templates';
