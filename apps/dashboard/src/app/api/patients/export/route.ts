import { createPatientExportHandler } from '@carelane/api';
import { runtime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

export const GET = createPatientExportHandler(async () => (await runtime()).deps);
