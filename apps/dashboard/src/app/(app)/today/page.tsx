import type { Metadata } from 'next';
import { TodayBoard } from './today-board';

export const metadata: Metadata = { title: 'Today' };

export default function TodayPage() {
  return <TodayBoard />;
}
