import { createClinicianPhotoHandlers } from '@carelane/api';
import { runtime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

// The booking site only shows photos; they are changed on the dashboard.
export const { GET } = createClinicianPhotoHandlers(async () => (await runtime()).deps);
