// Zod schemas shared with the dashboard's forms. Client-safe: only zod and @carelane/core, no server code.
export * from './routers/centres/centre.schema';
export * from './routers/clinical-notes/notes.schema';
export * from './routers/households/link.schema';
export * from './routers/organization/update.schema';
export * from './routers/patients/appointments.schema';
export * from './routers/patients/merge.schema';
export * from './routers/patients/save.schema';
