import type { Metadata } from 'next';
import { requireStaff } from '@/server/session';
import { ChangePasswordForm } from './change-password-form';
import { TwoFactorPanel } from './two-factor-panel';

export const metadata: Metadata = { title: 'Your account' };

/** Every staff member's own sign-in: their password and two-factor sign-in. */
export default async function AccountPage() {
  const staff = await requireStaff({ beforeTwoFactorSetup: true });
  return (
    <div className="mx-auto max-w-2xl space-y-8">
      <h1 className="text-2xl font-semibold text-slate-900">Your account</h1>
      <TwoFactorPanel setupRequired={staff.twoFactorSetupRequired} />
      <ChangePasswordForm />
    </div>
  );
}
