import { createFormLogoHandler } from '@carelane/api';
import { runtime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

export const GET = createFormLogoHandler(async () => (await runtime()).deps);
