import { can } from '@carelane/auth';
import type { StaffContext } from '../../trpc';
import { centreDetails } from './rows';

/** The centres page: every detail of the centres the caller may see, and whether they may change them. */
export async function detailsHandler({ ctx }: { ctx: StaffContext }) {
  return { centres: await centreDetails(ctx), canManage: can(ctx.principal.role, 'centres:manage') };
}
