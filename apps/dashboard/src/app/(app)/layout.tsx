import type { ReactNode } from 'react';
import { AppShell } from '@/components/app-shell';
import { TwoFactorGate } from '@/components/two-factor-gate';
import { serverCaller } from '@/server/caller';
import { requireStaff } from '@/server/session';

/** Every page inside needs a signed-in staff member; others are sent to sign-in. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  // An admin who must still set up two-factor sign-in gets the frame, and only /account in it.
  const staff = await requireStaff({ beforeTwoFactorSetup: true });
  const profile = await (await serverCaller()).me.profile();
  return (
    <AppShell
      user={{ name: profile.name, roleLabel: profile.roleLabel, permissions: profile.permissions }}
      organizationName={profile.organization.name}
    >
      <TwoFactorGate required={staff.twoFactorSetupRequired}>{children}</TwoFactorGate>
    </AppShell>
  );
}
