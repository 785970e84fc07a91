import type { Metadata } from 'next';
import { NotAllowed } from '@/components/not-allowed';
import { staffMay } from '@/server/session';
import { StaffList } from './staff-list';

export const metadata: Metadata = { title: 'Staff' };

export default async function StaffPage() {
  if (!(await staffMay('staff:read'))) return <NotAllowed title="Staff" />;
  return <StaffList canManage={await staffMay('staff:manage')} />;
}
