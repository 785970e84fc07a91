import { createImportReportHandler } from '@carelane/api';
import { runtime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

export const GET = createImportReportHandler(async () => (await runtime()).deps);
