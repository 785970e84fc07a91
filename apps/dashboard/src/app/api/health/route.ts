import { checkHealth } from '@carelane/api';
import { runtime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

/** Database round trip and version; 503 when the database cannot be reached. */
export async function GET() {
  try {
    const health = await checkHealth((await runtime()).deps.db);
    return Response.json(health, {
      status: health.status === 'ok' ? 200 : 503,
      headers: { 'cache-control': 'no-store' },
    });
  } catch {
    return Response.json({ status: 'unavailable', database: { error: 'unreachable' } }, { status: 503 });
  }
}
