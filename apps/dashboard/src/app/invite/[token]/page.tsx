import type { Metadata } from 'next';
import { InvitePage } from './invite-page';

// The token stays out of the title and the referrer: it is the only credential of the page.
export const metadata: Metadata = {
  title: 'Join your clinic',
  robots: { index: false, follow: false },
  referrer: 'no-referrer',
};

/** A staff invitation link: no sign-in, the token is the only credential (see invitation.get/accept). */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <InvitePage token={token} />;
}
