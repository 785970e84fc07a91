import type { StaffContext } from '../../trpc';
import { loadOrganizationSettings } from './load';

/** The caller's own organization as the settings page shows it; no input, so no other one can be named. */
export async function settingsHandler({ ctx }: { ctx: StaffContext }) {
  return loadOrganizationSettings(ctx);
}
