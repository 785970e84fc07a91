import { createImportUploadHandler } from '@carelane/api';
import { runtime } from '@/server/runtime';

// The raw request body streams to the data folder; never buffered by a body parser.
export const POST = createImportUploadHandler(async () => (await runtime()).deps);
