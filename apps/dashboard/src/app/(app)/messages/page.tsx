import type { Metadata } from 'next';
import { Suspense } from 'react';
import { NotAllowed } from '@/components/not-allowed';
import { staffMay } from '@/server/session';
import { MessagesView } from './messages-view';

export const metadata: Metadata = { title: 'Messages' };

export default async function MessagesPage() {
  if (!(await staffMay('messages:read'))) return <NotAllowed title="Messages" />;
  return (
    <Suspense>
      <MessagesView />
    </Suspense>
  );
}
