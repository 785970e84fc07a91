// What the apps may import: schema, connection, password hashing, error inspection.
// Start-up machinery (embedded server, migrations, seed) lives in `@carelane/db/server`.
export * from './client';
export { nextPatientMrn } from './mrn';
export { dummyPasswordHash, hashPassword, verifyPassword } from './password';
export { type PgErrorInfo, pgErrorInfo } from './pg-error';
export * from './schema';
