import type { Metadata } from 'next';
import { FormPage } from './form-page';

// The token stays out of the title: titles end up in history, bookmarks and screen captures.
export const metadata: Metadata = {
  title: 'Medical history form',
  robots: { index: false, follow: false },
  referrer: 'no-referrer',
};

/** A patient's form link: no sign-in, the token is the only credential (see forms.open/confirm/submit). */
export default async function PublicFormPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <FormPage token={token} />;
}
