import type { Metadata } from 'next';
import { Suspense } from 'react';
import { CalendarBoard } from './calendar-board';

export const metadata: Metadata = { title: 'Calendar' };

export default function CalendarPage() {
  return (
    <Suspense>
      <CalendarBoard />
    </Suspense>
  );
}
