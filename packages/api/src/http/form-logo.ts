import type { ApiDeps } from '../deps';
import { findFormLink } from '../routers/forms/find-link';
import { tenantOf } from '../tenancy';
import { problem } from './common';
import { logoResponse } from './organization-logo';

/**
 * `/api/forms/<token>/logo`: the clinic's logo for the public form page, authorised by the link
 * itself (any link that exists, even a closed one, whose page still shows the clinic).
 */
export function createFormLogoHandler(getDeps: () => Promise<ApiDeps>) {
  return async (_req: Request, route: { params: Promise<{ token: string }> }): Promise<Response> => {
    const deps = await getDeps();
    const { token } = await route.params;
    const found = await findFormLink(deps.db, token);
    if (!found) return problem(404, 'This link is not valid.');
    return logoResponse(deps, tenantOf(found.link.organizationId));
  };
}
