import type { Metadata } from 'next';
import { Suspense } from 'react';
import { WaitlistBoard } from './waitlist-board';

export const metadata: Metadata = { title: 'Waitlist' };

export default function WaitlistPage() {
  return (
    <Suspense>
      <WaitlistBoard />
    </Suspense>
  );
}
