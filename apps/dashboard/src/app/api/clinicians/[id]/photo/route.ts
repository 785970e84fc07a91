import { createClinicianPhotoHandlers } from '@carelane/api';
import { runtime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

export const { GET, POST, DELETE } = createClinicianPhotoHandlers(async () => (await runtime()).deps);
