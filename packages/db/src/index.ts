// What the apps may import: schema, connection, password hashing, error inspection, and the
// outbox writer (with the sealing of its secrets), which belongs with the table it writes.
// Start-up machinery (embedded server, migrations, seed) lives in `@carelane/db/server`.
export * from './client';
export { nextPatientMrn } from './mrn';
export { type EnqueueInput, enqueueNotification } from './outbox';
export { dummyPasswordHash, hashPassword, verifyPassword } from './password';
export { type PgErrorInfo, pgErrorInfo } from './pg-error';
export * from './schema';
export { seal, unseal } from './seal';
