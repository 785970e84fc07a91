import { createHealthHandler } from '@carelane/api';
import { healthDatabase } from '@/server/runtime';

export const dynamic = 'force-dynamic';

// Healthy while waiting for the clinic's setup too: the site is up and says so to patients.
export const GET = createHealthHandler(healthDatabase);
