import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AvailabilityEditor } from './availability-editor';

export const metadata: Metadata = { title: 'Hours and time off' };

export default function AvailabilityPage() {
  return (
    <Suspense>
      <AvailabilityEditor />
    </Suspense>
  );
}
