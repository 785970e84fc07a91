import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { createContext } from './context';
import type { ApiDeps } from './deps';
import { appRouter } from './routers/root';

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
