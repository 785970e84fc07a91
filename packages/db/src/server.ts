// Start-up machinery for processes that own the database: the launcher, CLIs and tests.
export {
  EmbeddedPostgresSetupError,
  type EmbeddedServer,
  freePort,
  startEmbeddedPostgres,
} from './embedded';
export { ensureDatabase, MIGRATIONS_FOLDER, runMigrations } from './migrate';
export { type PreparedDatabase, prepareDatabase } from './prepare';
export { DEMO, isEmpty, seedDemo } from './seed';
