import { OTP_POLICY, requestSignInCode } from '@carelane/auth';
import { maskPhone } from '@carelane/core';
import type { Context } from '../../context';
import { deliverNow } from '../../messaging/deliver-now';
import type { RequestCodeInput } from './request-code.schema';
import { authDeps } from './site';

/**
 * Sends a sign-in code: to staff on the dashboard, to patients on the booking site. Delivery is
 * attempted at once after commit; the worker retries whatever that attempt leaves behind.
 */
export async function requestCodeHandler({ ctx, input }: { ctx: Context; input: RequestCodeInput }) {
  const purpose = ctx.audience === 'staff' ? 'staff_sign_in' : 'patient_sign_in';
  const { phone, notificationId } = await requestSignInCode(
    authDeps(ctx),
    { purpose, phone: input.phone, organizationId: ctx.siteOrganizationId ?? undefined },
    { ip: ctx.ip },
  );
  if (notificationId) {
    await deliverNow(ctx, notificationId);
  }
  return { sentTo: maskPhone(phone), resendAfterSeconds: OTP_POLICY.resendAfterSeconds };
}
