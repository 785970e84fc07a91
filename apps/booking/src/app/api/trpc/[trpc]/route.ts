import { createTrpcHandler } from '@carelane/api';
import { runtime } from '@/server/runtime';

const handler = createTrpcHandler(async () => (await runtime()).deps);

export { handler as GET, handler as POST };
