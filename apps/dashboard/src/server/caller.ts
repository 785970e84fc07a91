import 'server-only';
import { appRouter, createCallerFactory, createContext } from '@carelane/api';
import { headers } from 'next/headers';
import { runtime } from './runtime';

const createCaller = createCallerFactory(appRouter);

/** Calls procedures from server components with the same context (and checks) as HTTP calls. */
export async function serverCaller() {
  const { deps } = await runtime();
  const req = new Request('http://server.internal/', { headers: await headers() });
  return createCaller(await createContext(deps, req));
}
