import type { Metadata } from 'next';
import { SubmissionView } from '../../submission-view';

export const metadata: Metadata = { title: 'Medical-history form' };

export default async function SubmissionPage({ params }: { params: Promise<{ id: string; submissionId: string }> }) {
  const { id, submissionId } = await params;
  return <SubmissionView patientId={id} submissionId={submissionId} />;
}
