import { createHealthHandler } from '@carelane/api';
import { runtime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

export const GET = createHealthHandler(async () => (await runtime()).deps);
