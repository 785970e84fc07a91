export { type Context, createContext } from './context';
export type { ApiDeps } from './deps';
export { checkHealth, type Health } from './health';
export { createHealthHandler, createTrpcHandler } from './http';
export { type AppRouter, appRouter } from './routers/root';
export { type ApiRuntime, createApiRuntime, type RuntimeConfig } from './runtime';
export { createCallerFactory } from './trpc';
