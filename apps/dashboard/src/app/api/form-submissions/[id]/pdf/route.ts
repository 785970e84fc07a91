import { createSubmissionPdfHandler } from '@carelane/api';
import { runtime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

export const GET = createSubmissionPdfHandler(async () => (await runtime()).deps);
