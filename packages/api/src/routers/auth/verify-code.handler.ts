import { verifyPatientCode } from '@carelane/auth';
import type { Context } from '../../context';
import { authDeps, bookingSiteOrganization } from './site';
import type { VerifyCodeInput } from './verify-code.schema';

/**
 * Checks a patient's code on the booking site. The answer carries a short-lived phone proof:
 * the browser signs in with it (next-auth's patient-otp provider), after registering when the
 * number is new to the clinic.
 */
export async function verifyCodeHandler({ ctx, input }: { ctx: Context; input: VerifyCodeInput }) {
  const organizationId = bookingSiteOrganization(ctx);
  return verifyPatientCode(authDeps(ctx), { organizationId, phone: input.phone, code: input.code }, { ip: ctx.ip });
}
