import { STAFF_ROLES } from '@carelane/core';
import { z } from 'zod';

/*
 * The fields of a staff member as the invite and edit forms send them. The phone is read in the
 * organization's country by the handler.
 */

export const staffName = z.string().trim().min(1, 'Enter the name').max(120, 'Keep the name under 120 characters');

// Trimmed and lowercased before the check, so a pasted address with spaces is still accepted.
export const staffEmail = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
  z.email('Enter an email address like name@clinic.in').max(254, 'Keep the email under 254 characters'),
);

export const staffPhone = z
  .string()
  .trim()
  .regex(/^$|^[+(]?[\d\s().-]{4,32}$/, 'Enter a phone number like +91 98765 43210')
  .transform((v) => v || null)
  .nullable()
  .optional();

export const staffRole = z.enum(STAFF_ROLES, 'Choose a role');

export const staffCentreIds = z.array(z.uuid('Not a centre id')).max(200, 'Too many centres');
