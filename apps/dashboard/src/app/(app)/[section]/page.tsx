import { EmptyState } from '@carelane/ui';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { NAV_ITEMS } from '@/components/nav';

type Props = { params: Promise<{ section: string }> };

function find(section: string) {
  return NAV_ITEMS.find((item) => item.href === `/${section}` && item.coming);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: find((await params).section)?.label ?? 'Not found' };
}

/** Sections that later work fills in say what is coming rather than showing an empty page. */
export default async function ComingSection({ params }: Props) {
  const item = find((await params).section);
  if (!item) notFound();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{item.label}</h1>
      <EmptyState title="Coming soon">{item.coming}</EmptyState>
    </div>
  );
}
