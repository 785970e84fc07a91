import { Suspense } from 'react';
import { ClinicianBooking } from './clinician-booking';

type Props = { params: Promise<{ slug: string }> };

export default async function ClinicianPage({ params }: Props) {
  const { slug } = await params;
  return (
    <Suspense>
      <ClinicianBooking slug={slug} />
    </Suspense>
  );
}
