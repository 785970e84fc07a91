import type { Metadata } from 'next';
import { Suspense } from 'react';
import { FormsOverview } from './forms-overview';

export const metadata: Metadata = { title: 'Forms' };

export default function FormsPage() {
  return (
    <Suspense>
      <FormsOverview />
    </Suspense>
  );
}
