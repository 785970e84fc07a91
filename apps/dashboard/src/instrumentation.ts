/**
 * Runs once when the dashboard server starts. While the database has no organization it prints a
 * fresh first-run setup code (see server/setup-code.ts); the Edge runtime has no database.
 */
export async function register() {
  // biome-ignore lint/style/noProcessEnv: Next's own marker of the runtime, not configuration
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { announceSetupCode } = await import('./server/setup-code');
  await announceSetupCode();
}
