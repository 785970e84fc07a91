import type { Metadata } from 'next';
import { Suspense } from 'react';
import { FirstFreeBooking } from './first-free-booking';

export const metadata: Metadata = { title: 'First free time' };

export default function FirstFreePage() {
  return (
    <Suspense>
      <FirstFreeBooking />
    </Suspense>
  );
}
