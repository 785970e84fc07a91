import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PatientSignIn } from './patient-sign-in';

export const metadata: Metadata = { title: 'Sign in' };

export default function SignInPage() {
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Sign in with your mobile number</h1>
      <p className="mt-1 text-slate-600">We will send you a 6-digit code. No password needed.</p>
      <div className="mt-6">
        <Suspense>
          <PatientSignIn />
        </Suspense>
      </div>
    </div>
  );
}
