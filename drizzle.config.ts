// drizzle-kit configuration for `pnpm db:generate` and `pnpm db:studio`.
// Migrations are applied at start-up by packages/db (see migrate.ts), not by drizzle-kit.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './packages/db/src/schema/index.ts',
  out: './packages/db/migrations',
  // Studio needs a URL; `pnpm db:studio` sets it from the running embedded server when absent.
  // biome-ignore lint/style/noProcessEnv: drizzle-kit runs outside the apps' env modules
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: DATABASE_URL is documented in the README
  dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://localhost:5432/carelane' },
  strict: true,
  verbose: false,
});
