import { randomBytes } from 'node:crypto';
import type { StaffRole } from '@carelane/core';
import { type Database, hashPassword, organizations, patients, staffUsers } from '@carelane/db';
import { createRateLimits } from '../src/rate-limit';

export const SECRET = 'auth-test-secret-that-is-at-least-32-characters';

const unique = () => randomBytes(6).toString('hex');
let phoneCounter = 0;
/** Distinct valid Indian mobile numbers. */
export const nextPhone = () => `+9197${String(10_000_000 + phoneCounter++ * 7919).slice(-8)}`;

/** What the sign-in functions take, with rate limits kept in the test database. */
export const authDeps = (db: Database) => ({ db, secret: SECRET, rateLimits: createRateLimits(db) });

export async function createOrganization(db: Database, name = 'Auth Test Clinic') {
  const [org] = await db
    .insert(organizations)
    .values({ name, slug: `org-${unique()}`, defaultZone: 'Asia/Kolkata', currency: 'INR', country: 'IN' })
    .returning();
  if (!org) throw new Error('no organization');
  return org;
}

/** A staff member with a phone; a password only when given (hashed as the app hashes it). */
export async function createStaff(db: Database, organizationId: string, role: StaffRole, password?: string) {
  const [user] = await db
    .insert(staffUsers)
    .values({
      organizationId,
      name: `${role} ${unique()}`,
      email: `${role}-${unique()}@auth-test.example`,
      phone: nextPhone(),
      role,
      passwordHash: password ? await hashPassword(password) : null,
    })
    .returning();
  if (!user) throw new Error('no staff user');
  return user;
}

export async function createPatient(
  db: Database,
  organizationId: string,
  values: { phone?: string; consentWhatsapp?: boolean } = {},
) {
  const [patient] = await db
    .insert(patients)
    .values({
      organizationId,
      mrn: `T-${unique()}`,
      firstName: 'Test',
      lastName: 'Patient',
      phone: values.phone ?? nextPhone(),
      consentSms: true,
      consentWhatsapp: values.consentWhatsapp ?? false,
    })
    .returning();
  if (!patient) throw new Error('no patient');
  return patient;
}
