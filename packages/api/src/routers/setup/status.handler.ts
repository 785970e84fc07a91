import { setupNeeded } from '@carelane/db/onboarding';
import type { Context } from '../../context';

/** Whether this server still waits for its first organization (the dashboard then shows /setup). */
export async function setupStatusHandler({ ctx }: { ctx: Context }) {
  return { needed: await setupNeeded(ctx.db) };
}
