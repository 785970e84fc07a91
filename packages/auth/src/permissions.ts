import type { StaffRole } from '@carelane/core';

/**
 * What each role may do. Procedures name one of these actions; the table is the single place
 * that says who may do it.
 */
export const PERMISSIONS = {
  'profile:read': ['admin', 'manager', 'centre_manager', 'clinician', 'care_coordinator', 'front_desk'],
  'centres:read': ['admin', 'manager', 'centre_manager', 'clinician', 'care_coordinator', 'front_desk'],
  'centres:manage': ['admin', 'manager'],
  'appointments:read': ['admin', 'manager', 'centre_manager', 'clinician', 'care_coordinator', 'front_desk'],
  'appointments:write': ['admin', 'manager', 'centre_manager', 'care_coordinator', 'front_desk', 'clinician'],
  'appointments:overbook': ['admin', 'manager', 'centre_manager'],
  'patients:read': ['admin', 'manager', 'centre_manager', 'clinician', 'care_coordinator', 'front_desk'],
  'patients:write': ['admin', 'manager', 'centre_manager', 'care_coordinator', 'front_desk', 'clinician'],
  'patients:merge': ['admin', 'manager', 'centre_manager'],
  'patients:import': ['admin', 'manager', 'centre_manager', 'front_desk', 'care_coordinator'],
  'patients:export': ['admin', 'manager', 'centre_manager', 'front_desk', 'care_coordinator'],
  'clinical_notes:read': ['admin', 'clinician'],
  /** Send and revoke form links; everyone who registers patients. */
  'forms:send': ['admin', 'manager', 'centre_manager', 'care_coordinator', 'front_desk', 'clinician'],
  /** Read what a patient answered (medical history): like clinical notes. */
  'form_submissions:read': ['admin', 'clinician'],
  'questionnaire:manage': ['admin', 'manager'],
  'clinical_notes:write': ['admin', 'clinician'],
  'staff:read': ['admin', 'manager', 'centre_manager'],
  'staff:manage': ['admin'],
  'settings:manage': ['admin'],
  'appointment_types:manage': ['admin', 'manager'],
  /** Clinician profiles and what each offers; a clinician only their own, and not their listing (handler). */
  'clinician_profiles:edit': ['admin', 'manager', 'clinician'],
  /** Clinicians may edit only their own hours (checked in the handler). */
  'availability:manage': ['admin', 'manager', 'centre_manager', 'clinician'],
  'audit:read': ['admin'],
  'analytics:read': ['admin', 'manager', 'centre_manager'],
  /** The procedures price list. */
  'price_list:manage': ['admin', 'manager'],
  /** Record and change treatments (a clinical record with prices). */
  'treatments:write': ['admin', 'centre_manager', 'clinician'],
  /** See invoices, payments and balances. */
  'billing:read': ['admin', 'manager', 'centre_manager', 'clinician', 'care_coordinator', 'front_desk'],
  /** Draft and issue invoices, record payments, send payment links. */
  'billing:write': ['admin', 'manager', 'centre_manager', 'care_coordinator', 'front_desk'],
  /** Give money back and void issued invoices. */
  'billing:refund': ['admin', 'manager'],
  /** The Messages page: what went to patients, with its attempts and errors. */
  'messages:read': ['admin', 'manager', 'centre_manager', 'care_coordinator', 'front_desk'],
  /** Resend a message. */
  'messages:send': ['admin', 'manager', 'centre_manager', 'care_coordinator', 'front_desk'],
  /** Message wording, the reminder schedule, quiet hours and the channel order. */
  'messaging:manage': ['admin', 'manager'],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: StaffRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly StaffRole[]).includes(role);
}

/** Roles that see every centre of the organization rather than only their own. */
export function seesAllCentres(role: StaffRole): boolean {
  return role === 'admin' || role === 'manager';
}
