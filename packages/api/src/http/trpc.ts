import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { createContext } from '../context';
import type { ApiDeps } from '../deps';
import { checkHealth } from '../health';
import { appRouter } from '../routers/root';

/** The `/api/trpc` route handler both apps mount. */
export function createTrpcHandler(getDeps: () => ApiDeps | Promise<ApiDeps>, endpoint = '/api/trpc') {
  return async (req: Request) => {
    const deps = await getDeps();
    return fetchRequestHandler({
      endpoint,
      req,
      router: appRouter,
      createContext: () => createContext(deps, req),
      responseMeta: () => ({ headers: new Headers({ 'cache-control': 'no-store' }) }),
    });
  };
}

/** The `/api/health` route handler both apps mount: 200 with the round trip, 503 when down. */
export function createHealthHandler(getDeps: () => Pick<ApiDeps, 'db'> | Promise<Pick<ApiDeps, 'db'>>) {
  return async () => {
    const headers = { 'cache-control': 'no-store' };
    try {
      const health = await checkHealth((await getDeps()).db);
      return Response.json(health, { status: health.status === 'ok' ? 200 : 503, headers });
    } catch {
      return Response.json({ status: 'unavailable', database: { error: 'unreachable' } }, { status: 503, headers });
    }
  };
}
