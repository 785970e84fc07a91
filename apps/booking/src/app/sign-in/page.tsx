import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PatientSignIn, SignInHeading } from './patient-sign-in';

export const metadata: Metadata = { title: 'Sign in' };

export default function SignInPage() {
  return (
    <div className="mx-auto max-w-md">
      <Suspense fallback={<SignInHeading />}>
        <PatientSignIn />
      </Suspense>
    </div>
  );
}
