import { createInvoicePdfHandler } from '@carelane/api';
import { runtime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

export const GET = createInvoicePdfHandler(async () => (await runtime()).deps);
