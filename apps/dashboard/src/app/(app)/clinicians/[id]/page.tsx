import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { NotAllowed } from '@/components/not-allowed';
import { requireStaff, staffMay } from '@/server/session';
import { ProfileEditor } from './profile-editor';

export const metadata: Metadata = { title: 'Clinician profile' };

/** `/clinicians/<id>`: a clinician's public profile and what they offer; `/clinicians/me` is one's own. */
export default async function ClinicianProfilePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const me = await requireStaff();
  if (id === 'me') redirect(`/clinicians/${me.userId}`);
  if (!(await staffMay('clinician_profiles:edit'))) return <NotAllowed title="Clinician profile" />;
  return <ProfileEditor clinicianId={id} own={id === me.userId} />;
}
