import type { Metadata } from 'next';
import { Suspense } from 'react';
import { NotAllowed } from '@/components/not-allowed';
import { staffMay } from '@/server/session';
import { AuditView } from './audit-view';

export const metadata: Metadata = { title: 'Audit log' };

export default async function AuditPage() {
  if (!(await staffMay('audit:read'))) return <NotAllowed title="Audit log" />;
  return (
    <Suspense>
      <AuditView />
    </Suspense>
  );
}
