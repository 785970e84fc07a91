import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ImportWizard } from './import-wizard';

export const metadata: Metadata = { title: 'Import patients' };

export default function ImportPatientsPage() {
  return (
    <Suspense>
      <ImportWizard />
    </Suspense>
  );
}
