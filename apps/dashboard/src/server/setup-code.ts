import { createDb } from '@carelane/db';
import { issueSetupCode, setupCodeLine } from '@carelane/db/onboarding';
import { env } from '@/env';

/**
 * Prints a new setup code while no organization exists, so only someone who can read this
 * server's console can claim it. Called from instrumentation.ts, outside the request runtime, so
 * it uses a connection of its own. A failure is reported and the server keeps running: /setup
 * then refuses every code, and a restart prints a new one.
 */
export async function announceSetupCode(): Promise<void> {
  const { db, close } = createDb(env().DATABASE_URL, { max: 1 });
  try {
    const code = await issueSetupCode(db);
    if (code) console.log(`\n${setupCodeLine(code, env().PUBLIC_URL)}\n`);
  } catch (err) {
    console.error(
      `carelane: could not prepare the first-run setup code (${err instanceof Error ? err.name : 'error'})`,
    );
  } finally {
    await close();
  }
}
