import NextAuth from 'next-auth';
import { runtime } from '@/server/runtime';

type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, context: RouteContext) {
  const { authOptions } = await runtime();
  return NextAuth(req as never, context as never, authOptions) as Promise<Response>;
}

export { handler as GET, handler as POST };
