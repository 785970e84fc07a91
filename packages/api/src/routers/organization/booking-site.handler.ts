import type { Context } from '../../context';
import { bookingOffMessage, bookingSitePolicy, newPatientsRefusedMessage } from '../../scheduling/online-booking';
import { tenantOf } from '../../tenancy';
import { bookingSiteOrganization } from '../auth/site';

/**
 * The booking site's clinic: its name and phone, who may book online, and what to tell those
 * who may not (the same sentences the booking and registration refusals use).
 */
export async function bookingSiteHandler({ ctx }: { ctx: Context }) {
  const policy = await bookingSitePolicy(ctx.db, tenantOf(bookingSiteOrganization(ctx)));
  return {
    ...policy,
    bookingOffMessage: policy.onlineBooking === 'off' ? bookingOffMessage(policy) : null,
    newPatientsMessage: policy.onlineBooking === 'anyone' ? null : newPatientsRefusedMessage(policy),
  };
}
