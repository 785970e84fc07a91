import type { Metadata } from 'next';
import { ForgotPasswordForm } from './forgot-password-form';

export const metadata: Metadata = { title: 'Forgot your password' };

/** Asks for a reset link by email; the answer never says whether the address has an account. */
export default function ForgotPasswordPage() {
  return (
    <main className="flex min-h-screen items-start justify-center bg-slate-50 px-4 py-12 sm:items-center">
      <div className="w-full max-w-md">
        <p className="mb-6 text-center text-2xl font-bold tracking-tight text-teal-800">Carelane</p>
        <ForgotPasswordForm />
      </div>
    </main>
  );
}
