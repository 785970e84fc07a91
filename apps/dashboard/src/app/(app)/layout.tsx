import type { ReactNode } from 'react';
import { AppShell } from '@/components/app-shell';
import { serverCaller } from '@/server/caller';
import { requireStaff } from '@/server/session';

/** Every page inside needs a signed-in staff member; others are sent to sign-in. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  await requireStaff();
  const profile = await (await serverCaller()).me.profile();
  return (
    <AppShell
      user={{ name: profile.name, roleLabel: profile.roleLabel, permissions: profile.permissions }}
      organizationName={profile.organization.name}
    >
      {children}
    </AppShell>
  );
}
