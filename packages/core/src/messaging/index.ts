export * from './channels';
export * from './quiet-hours';
export * from './reminders';
