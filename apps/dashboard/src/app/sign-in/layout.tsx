import type { ReactNode } from 'react';
import { redirectWhileSetupOpen } from '@/server/setup';

export const dynamic = 'force-dynamic';

/** Nobody can sign in before the first-run setup has made a clinic and its admin. */
export default async function SignInLayout({ children }: { children: ReactNode }) {
  await redirectWhileSetupOpen();
  return children;
}
