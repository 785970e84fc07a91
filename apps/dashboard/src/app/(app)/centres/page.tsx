import type { Metadata } from 'next';
import { CentreList } from './centre-list';

export const metadata: Metadata = { title: 'Centres' };

export default function CentresPage() {
  return <CentreList />;
}
