import { appointmentTypes, patients, staffUsers, waitlistEntries, waitlistOffers } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { and, asc, desc, eq, gt, inArray, isNull, ne } from 'drizzle-orm';
import { audit } from '../../audit';
import { notFound } from '../../errors';
import { refuseWhenBookingOff } from '../../scheduling/online-booking';
import { bookForPatient } from '../../scheduling/patient-booking';
import type { PatientContext, StaffContext } from '../../trpc';
import { bookableType } from '../appointment-types/bookable-type';
import type { AcceptOfferInput, AddToWaitlistInput, JoinWaitlistInput, WaitlistIdInput } from './waitlist.schema';

async function insertEntry(
  ctx: PatientContext | StaffContext,
  patientId: string,
  input: JoinWaitlistInput & { notes?: string | undefined },
  audience: 'patient' | 'staff',
) {
  const type = await bookableType(ctx.db, ctx.tenant, input.typeId, audience);
  if (input.clinicianId) {
    const [clinician] = await ctx.db
      .select({ id: staffUsers.id })
      .from(staffUsers)
      .where(ctx.tenant.where(staffUsers, eq(staffUsers.id, input.clinicianId), eq(staffUsers.role, 'clinician')));
    if (!clinician) throw notFound('Clinician');
  }
  return ctx.db.transaction(async (tx) => {
    const [entry] = await tx
      .insert(waitlistEntries)
      .values(
        ctx.tenant.row({
          patientId,
          clinicianId: input.clinicianId ?? null,
          specialisation: input.specialisation ?? null,
          typeId: type.id,
          fromDate: input.fromDate,
          toDate: input.toDate,
          notes: input.notes || null,
        }),
      )
      .returning();
    if (!entry) throw new Error('Insert returned no row');
    const action = audience === 'patient' ? 'waitlist.join' : 'waitlist.add';
    await audit(ctx, { action, entity: 'waitlist_entry', entityId: entry.id }, tx);
    return entry;
  });
}

export async function joinWaitlistHandler({ ctx, input }: { ctx: PatientContext; input: JoinWaitlistInput }) {
  await refuseWhenBookingOff(ctx.db, ctx.tenant);
  return insertEntry(ctx, ctx.principal.patientId, input, 'patient');
}

export async function addToWaitlistHandler({ ctx, input }: { ctx: StaffContext; input: AddToWaitlistInput }) {
  const [patient] = await ctx.db
    .select({ id: patients.id })
    .from(patients)
    .where(ctx.tenant.where(patients, eq(patients.id, input.patientId), isNull(patients.mergedIntoId)));
  if (!patient) throw notFound('Patient');
  return insertEntry(ctx, patient.id, input, 'staff');
}

/** The signed-in patient's wishes and the freed times currently offered to them. */
export async function myWaitlistHandler({ ctx }: { ctx: PatientContext }) {
  const entries = await ctx.db
    .select({ entry: waitlistEntries, typeName: appointmentTypes.name, clinicianName: staffUsers.name })
    .from(waitlistEntries)
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, waitlistEntries.typeId))
    .leftJoin(staffUsers, eq(staffUsers.id, waitlistEntries.clinicianId))
    .where(
      ctx.tenant.where(
        waitlistEntries,
        eq(waitlistEntries.patientId, ctx.principal.patientId),
        eq(waitlistEntries.status, 'waiting'),
      ),
    )
    .orderBy(desc(waitlistEntries.createdAt));
  const offers = entries.length
    ? await ctx.db
        .select({ offer: waitlistOffers, clinicianName: staffUsers.name })
        .from(waitlistOffers)
        .innerJoin(staffUsers, eq(staffUsers.id, waitlistOffers.clinicianId))
        .where(
          and(
            inArray(
              waitlistOffers.entryId,
              entries.map((e) => e.entry.id),
            ),
            eq(waitlistOffers.status, 'open'),
            gt(waitlistOffers.expiresAt, new Date()),
          ),
        )
        .orderBy(asc(waitlistOffers.startsAt))
    : [];
  return {
    // The front desk's notes stay with the staff.
    entries: entries.map(({ entry: { notes: _staffOnly, ...entry }, typeName, clinicianName }) => ({
      ...entry,
      typeName,
      clinicianName,
    })),
    offers: offers.map((o) => ({ ...o.offer, clinicianName: o.clinicianName })),
  };
}

async function cancelEntry(ctx: PatientContext | StaffContext, id: string, patientId: string | null) {
  return ctx.db.transaction(async (tx) => {
    const [entry] = await tx
      .update(waitlistEntries)
      .set({ status: 'cancelled' })
      .where(
        ctx.tenant.where(
          waitlistEntries,
          eq(waitlistEntries.id, id),
          eq(waitlistEntries.status, 'waiting'),
          patientId ? eq(waitlistEntries.patientId, patientId) : undefined,
        ),
      )
      .returning({ id: waitlistEntries.id });
    if (!entry) throw notFound('Waitlist entry');
    const action = patientId ? 'waitlist.leave' : 'waitlist.remove';
    await audit(ctx, { action, entity: 'waitlist_entry', entityId: id }, tx);
    return entry;
  });
}

export function leaveWaitlistHandler({ ctx, input }: { ctx: PatientContext; input: WaitlistIdInput }) {
  return cancelEntry(ctx, input.id, ctx.principal.patientId);
}

export function removeFromWaitlistHandler({ ctx, input }: { ctx: StaffContext; input: WaitlistIdInput }) {
  return cancelEntry(ctx, input.id, null);
}

/**
 * Takes an offered time. The first patient to accept books it; for the others the booking is a
 * CONFLICT and their offer is marked lost. The booking and the entry it settles commit together.
 */
export async function acceptOfferHandler({ ctx, input }: { ctx: PatientContext; input: AcceptOfferInput }) {
  const [row] = await ctx.db
    .select({ offer: waitlistOffers, entry: waitlistEntries })
    .from(waitlistOffers)
    .innerJoin(waitlistEntries, eq(waitlistEntries.id, waitlistOffers.entryId))
    .where(
      ctx.tenant.where(
        waitlistOffers,
        eq(waitlistOffers.id, input.offerId),
        eq(waitlistEntries.patientId, ctx.principal.patientId),
      ),
    );
  if (!row) throw notFound('Offer');
  const { offer, entry } = row;
  // Left or removed from the waitlist (or already booked through it): its offers are void.
  if (entry.status !== 'waiting') {
    throw new TRPCError({ code: 'CONFLICT', message: 'This offer has ended: you are no longer on this waitlist.' });
  }
  if (offer.status !== 'open' || offer.expiresAt <= new Date()) {
    throw new TRPCError({ code: 'CONFLICT', message: 'This offer has ended. You are still on the waitlist.' });
  }
  const slot = { clinicianId: offer.clinicianId, typeId: entry.typeId, startsAt: offer.startsAt };
  try {
    return await bookForPatient(ctx, slot, async (tx) => {
      await tx.update(waitlistOffers).set({ status: 'accepted' }).where(eq(waitlistOffers.id, offer.id));
      await tx.update(waitlistEntries).set({ status: 'booked' }).where(eq(waitlistEntries.id, entry.id));
      await tx
        .update(waitlistOffers)
        .set({ status: 'lost' })
        .where(
          and(
            eq(waitlistOffers.clinicianId, offer.clinicianId),
            eq(waitlistOffers.startsAt, offer.startsAt),
            eq(waitlistOffers.status, 'open'),
            ne(waitlistOffers.id, offer.id),
          ),
        );
      await audit(ctx, { action: 'waitlist.accept', entity: 'waitlist_offer', entityId: offer.id }, tx);
    });
  } catch (err) {
    if (err instanceof TRPCError && err.code === 'CONFLICT') {
      await ctx.db.update(waitlistOffers).set({ status: 'lost' }).where(eq(waitlistOffers.id, offer.id));
      throw new TRPCError({
        code: 'CONFLICT',
        message: 'Sorry, someone else booked this time first. You are still on the waitlist.',
      });
    }
    throw err;
  }
}
