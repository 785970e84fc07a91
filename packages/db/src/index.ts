// What the apps may import: schema, connection, password hashing, error inspection.
// Start-up machinery (embedded server, migrations, seed) lives in `@carelane/db/server`.
export * from './client';
export { pgErrorInfo, type PgErrorInfo } from './pg-error';
export { dummyPasswordHash, hashPassword, verifyPassword } from './password';
export * from './schema';
