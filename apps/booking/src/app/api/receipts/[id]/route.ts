import { createPatientReceiptPdfHandler } from '@carelane/api';
import { runtime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

export const GET = createPatientReceiptPdfHandler(async () => (await runtime()).deps);
