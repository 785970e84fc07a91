import { createOrganizationLogoHandlers } from '@carelane/api';
import { runtime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

export const { GET, POST, DELETE } = createOrganizationLogoHandlers(async () => (await runtime()).deps);
