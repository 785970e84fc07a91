import { createAuditExportHandler } from '@carelane/api';
import { runtime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

export const GET = createAuditExportHandler(async () => (await runtime()).deps);
