import type { Metadata } from 'next';
import { ResetPasswordForm } from './reset-password-form';

// The token stays out of the title and the referrer: it is the only credential of the page.
export const metadata: Metadata = {
  title: 'Choose a new password',
  robots: { index: false, follow: false },
  referrer: 'no-referrer',
};

/** A reset link from the email: a new password, typed twice. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <main className="flex min-h-screen items-start justify-center bg-slate-50 px-4 py-12 sm:items-center">
      <div className="w-full max-w-md">
        <p className="mb-6 text-center text-2xl font-bold tracking-tight text-teal-800">Carelane</p>
        <ResetPasswordForm token={token} />
      </div>
    </main>
  );
}
