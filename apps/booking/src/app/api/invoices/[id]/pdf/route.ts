import { createPatientInvoicePdfHandler } from '@carelane/api';
import { runtime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

export const GET = createPatientInvoicePdfHandler(async () => (await runtime()).deps);
