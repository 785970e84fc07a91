import type { Metadata } from 'next';
import { Suspense } from 'react';
import { InvoiceView } from './invoice-view';

export const metadata: Metadata = { title: 'Invoice' };

export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense>
      <InvoiceView id={id} />
    </Suspense>
  );
}
