import { createReceiptPdfHandler } from '@carelane/api';
import { runtime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

export const GET = createReceiptPdfHandler(async () => (await runtime()).deps);
