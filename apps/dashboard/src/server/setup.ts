import 'server-only';
import { setupNeeded } from '@carelane/db/onboarding';
import { redirect } from 'next/navigation';
import { runtime } from './runtime';

/** Once set up, always set up: no organization is ever deleted, so the question is asked no more. */
let setUp = false;

/** Whether the first-run setup page is open: the database has no organization yet. */
export async function setupIsOpen(): Promise<boolean> {
  if (setUp) return false;
  const { deps } = await runtime();
  setUp = !(await setupNeeded(deps.db));
  return !setUp;
}

/** Sends people to /setup while the server has no organization (nobody could sign in anyway). */
export async function redirectWhileSetupOpen(): Promise<void> {
  if (await setupIsOpen()) redirect('/setup');
}
