import { formatPhone, type OnlineBookingPolicy } from '@carelane/core';
import { type DbOrTx, organizations } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { notFound } from '../errors';
import type { Tenant } from '../tenancy';

/** Who may book on a clinic's booking site, and how to reach the clinic instead. */
export type BookingSitePolicy = {
  name: string;
  /** The clinic's phone as people read it, when set. */
  phone: string | null;
  onlineBooking: OnlineBookingPolicy;
};

export async function bookingSitePolicy(db: DbOrTx, tenant: Tenant): Promise<BookingSitePolicy> {
  const [org] = await db
    .select({ name: organizations.name, phone: organizations.phone, onlineBooking: organizations.onlineBooking })
    .from(organizations)
    .where(tenant.organization());
  if (!org) throw notFound('Clinic');
  return { ...org, phone: org.phone ? formatPhone(org.phone) : null };
}

const callTheClinic = (policy: BookingSitePolicy, purpose: string) =>
  policy.phone ? `Please call the clinic on ${policy.phone} ${purpose}.` : `Please call the clinic ${purpose}.`;

/** What the booking site says when the clinic takes no bookings online. */
export function bookingOffMessage(policy: BookingSitePolicy): string {
  return `Online booking is not available at ${policy.name}. ${callTheClinic(policy, 'to book')}`;
}

/** What a new patient is told when only the clinic's registered patients may book online. */
export function newPatientsRefusedMessage(policy: BookingSitePolicy): string {
  return `${policy.name} takes online bookings only from patients already registered with the clinic. ${callTheClinic(policy, 'to register')}`;
}

/** Refuses a patient's own booking (or a hold, reschedule, waitlist wish) while online booking is off. */
export async function refuseWhenBookingOff(db: DbOrTx, tenant: Tenant): Promise<void> {
  const policy = await bookingSitePolicy(db, tenant);
  if (policy.onlineBooking === 'off') throw new TRPCError({ code: 'FORBIDDEN', message: bookingOffMessage(policy) });
}

/** Refuses a new patient's registration on the booking site unless the clinic takes anyone online. */
export async function refuseNewPatient(db: DbOrTx, tenant: Tenant): Promise<void> {
  const policy = await bookingSitePolicy(db, tenant);
  if (policy.onlineBooking === 'off') throw new TRPCError({ code: 'FORBIDDEN', message: bookingOffMessage(policy) });
  if (policy.onlineBooking === 'existing_patients') {
    throw new TRPCError({ code: 'FORBIDDEN', message: newPatientsRefusedMessage(policy) });
  }
}
