import { STAFF_ROLE_LABELS } from '@carelane/core';
import { organizations } from '@carelane/db';
import { eq } from 'drizzle-orm';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/app-shell';
import { runtime } from '@/server/runtime';
import { requireStaff } from '@/server/session';

/** Every page inside needs a signed-in staff member; others are sent to sign-in. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const principal = await requireStaff();
  const { deps } = await runtime();
  const [org] = await deps.db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, principal.organizationId));
  return (
    <AppShell user={{ name: principal.name, roleLabel: STAFF_ROLE_LABELS[principal.role] }} organizationName={org?.name ?? ''}>
      {children}
    </AppShell>
  );
}
