import { checkPhoneProof } from '@carelane/auth';
import { nextPatientMrn, patients } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { eq, isNull } from 'drizzle-orm';
import { audit } from '../../audit';
import type { Context } from '../../context';
import { refuseNewPatient } from '../../scheduling/online-booking';
import { tenantOf } from '../../tenancy';
import type { RegisterInput } from './register.schema';
import { bookingSiteOrganization } from './site';

/** How the booking site marks the patients who registered themselves. */
export const BOOKING_SITE_LEAD_SOURCE = 'Booking site';

/**
 * Creates the record of a patient new to the clinic, who proved their phone with a code. The
 * phone comes from the proof, never from input; the browser then signs in with the same proof.
 */
export async function registerHandler({ ctx, input }: { ctx: Context; input: RegisterInput }) {
  const site = tenantOf(bookingSiteOrganization(ctx));
  // Before the proof is used up: the clinic may take online bookings only from its own patients.
  await refuseNewPatient(ctx.db, site);
  return ctx.db.transaction(async (tx) => {
    const proven = await checkPhoneProof(tx, {
      proof: input.proof,
      organizationId: site.organizationId,
      secret: ctx.secret,
    });
    if (!proven) {
      throw new TRPCError({
        code: 'UNAUTHORIZED',
        message: 'Your code has expired or was already used. Request a new code.',
      });
    }
    // The record number lock queues this organization's registrations, so of two at once for
    // one phone the second sees the first here (the unique index stays the last word).
    const mrn = await nextPatientMrn(tx, site.organizationId);
    const [taken] = await tx
      .select({ id: patients.id })
      .from(patients)
      .where(site.where(patients, eq(patients.phone, proven.phone), isNull(patients.mergedIntoId)));
    if (taken) {
      throw new TRPCError({
        code: 'CONFLICT',
        message: 'This mobile number is already registered with the clinic. Sign in with it instead.',
      });
    }
    const [patient] = await tx
      .insert(patients)
      .values(
        site.row({
          mrn,
          phone: proven.phone,
          firstName: input.firstName,
          lastName: input.lastName,
          email: input.email,
          birthDate: input.birthDate,
          leadSource: BOOKING_SITE_LEAD_SOURCE,
          consentSms: input.consentSms,
          consentWhatsapp: input.consentWhatsapp,
          consentEmail: input.consentEmail && input.email !== null,
          language: input.language,
        }),
      )
      .returning({ id: patients.id });
    if (!patient) throw new Error('Patient insert returned no row');
    // Personal values stay in the patient row; the entry names them without copying them.
    await audit(
      ctx,
      {
        action: 'auth.register',
        entity: 'patient',
        entityId: patient.id,
        changes: {
          mrn: { to: mrn },
          phone: {},
          firstName: {},
          lastName: {},
          ...(input.email ? { email: {} } : {}),
          ...(input.birthDate ? { birthDate: {} } : {}),
          leadSource: { to: BOOKING_SITE_LEAD_SOURCE },
          consentSms: { to: input.consentSms },
          consentWhatsapp: { to: input.consentWhatsapp },
          consentEmail: { to: input.consentEmail && input.email !== null },
          language: { to: input.language },
        },
      },
      tx,
    );
    return { patientId: patient.id };
  });
}
