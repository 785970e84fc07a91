import { normalisePhone } from '@carelane/core';
import { eq, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../client';
import { hashPassword } from '../password';
import { pgErrorInfo } from '../pg-error';
import { centres, organizations, staffCentres, staffUsers } from '../schema';
import type { Onboarding } from './input';
import { insertStartingRows } from './starting-rows';

/** A value the database refuses for a reason a person can fix, named by its field ("organization.slug"). */
export class OnboardingFieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'OnboardingFieldError';
  }
}

export type CreatedOrganization = {
  organizationId: string;
  slug: string;
  centreId: string;
  adminId: string;
  adminEmail: string;
};

const SLUG_TAKEN = 'This booking-site address is taken. Choose another';
const EMAIL_TAKEN = 'This email already belongs to a staff member. Use another';

/**
 * Creates a working organization in the caller's transaction: the organization, its first centre,
 * its first admin (assigned to the centre, signing in with the password) and what every
 * organization needs (insertStartingRows). A taken slug or email is an OnboardingFieldError
 * and nothing is kept, since the caller's transaction rolls back.
 */
export async function createOrganization(tx: DbOrTx, input: Onboarding): Promise<CreatedOrganization> {
  const { organization, centre, admin } = input;
  let centrePhone: string | null = null;
  if (centre.phone) {
    centrePhone = normalisePhone(centre.phone, organization.country);
    if (!centrePhone) {
      throw new OnboardingFieldError('centre.phone', 'Enter a phone number the clinic answers, like +91 80 4123 4567');
    }
  }
  // Checked first for a clear answer; the unique indexes still decide a race (see insertOrExplain).
  const [slugTaken] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.slug, organization.slug))
    .limit(1);
  if (slugTaken) throw new OnboardingFieldError('organization.slug', SLUG_TAKEN);
  const [emailTaken] = await tx
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(sql`lower(${staffUsers.email}) = ${admin.email.toLowerCase()}`)
    .limit(1);
  if (emailTaken) throw new OnboardingFieldError('admin.email', EMAIL_TAKEN);

  const passwordHash = await hashPassword(admin.password);
  return insertOrExplain(async () => {
    const [org] = await tx
      .insert(organizations)
      .values({
        name: organization.name,
        slug: organization.slug,
        country: organization.country,
        currency: organization.currency,
        defaultZone: organization.zone,
      })
      .returning({ id: organizations.id });
    if (!org) throw new Error('Insert returned no organization');
    const [firstCentre] = await tx
      .insert(centres)
      .values({
        organizationId: org.id,
        name: centre.name,
        addressLine: centre.addressLine,
        city: centre.city,
        postalCode: centre.postalCode ?? null,
        phone: centrePhone,
        zone: centre.zone ?? organization.zone,
      })
      .returning({ id: centres.id });
    if (!firstCentre) throw new Error('Insert returned no centre');
    const [staff] = await tx
      .insert(staffUsers)
      .values({
        organizationId: org.id,
        name: admin.name,
        email: admin.email.toLowerCase(),
        role: 'admin',
        passwordHash,
        defaultCentreId: firstCentre.id,
      })
      .returning({ id: staffUsers.id });
    if (!staff) throw new Error('Insert returned no staff member');
    await tx.insert(staffCentres).values({ organizationId: org.id, staffUserId: staff.id, centreId: firstCentre.id });
    await insertStartingRows(tx, [{ id: org.id, kind: organization.kind }]);
    return {
      organizationId: org.id,
      slug: organization.slug,
      centreId: firstCentre.id,
      adminId: staff.id,
      adminEmail: admin.email.toLowerCase(),
    };
  });
}

/** Turns a lost race on a unique index into the same field error the checks above give. */
async function insertOrExplain<T>(insert: () => Promise<T>): Promise<T> {
  try {
    return await insert();
  } catch (err) {
    const info = pgErrorInfo(err);
    if (info?.code === '23505' && info.constraint === 'organizations_slug_unique') {
      throw new OnboardingFieldError('organization.slug', SLUG_TAKEN);
    }
    if (info?.code === '23505' && info.constraint === 'staff_users_email_key') {
      throw new OnboardingFieldError('admin.email', EMAIL_TAKEN);
    }
    throw err;
  }
}

/** Creates an organization in a transaction of its own (the CLI). */
export function createOrganizationNow(db: Database, input: Onboarding): Promise<CreatedOrganization> {
  return db.transaction((tx) => createOrganization(tx, input));
}
