import { randomUUID } from 'node:crypto';
import { loadPrincipal, type Principal, sessionCookieName, sessionIdFromCookie } from '@carelane/auth';
import { LAST_ACTIVITY_HEADER } from './activity';
import type { ApiDeps } from './deps';

export type Context = ApiDeps & {
  principal: Principal;
  requestId: string;
  ip: string | null;
};

function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return decodeURIComponent(part.slice(index + 1).trim());
  }
  return undefined;
}

/** When the person last interacted with the page, as the browser's tRPC client reports it. */
function lastActivity(req: Request): Date | undefined {
  const value = Number(req.headers.get(LAST_ACTIVITY_HEADER));
  return Number.isFinite(value) && value > 0 ? new Date(value) : undefined;
}

/**
 * Builds the per-request context: the principal comes from the signed session cookie and the
 * server-side session row, never from input.
 */
export async function createContext(deps: ApiDeps, req: Request): Promise<Context> {
  const cookie = readCookie(req.headers.get('cookie'), sessionCookieName(deps.audience));
  const sessionId = await sessionIdFromCookie(cookie, deps.secret);
  const principal = await loadPrincipal(deps.db, sessionId, new Date(), lastActivity(req));
  return {
    ...deps,
    principal,
    requestId: req.headers.get('x-request-id') ?? randomUUID(),
    ip: req.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || null,
  };
}
