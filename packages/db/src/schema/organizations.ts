import type { NotificationChannel } from '@carelane/core';
import { sql } from 'drizzle-orm';
import { boolean, char, check, index, integer, jsonb, pgTable, smallint, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, organizationRef, updatedAt } from './columns';
import { notificationChannel, onlineBookingPolicy } from './enums';

export type OrganizationBranding = { primaryColour?: string; logoFileId?: string };

/** The tenant: one clinic business. Every business row carries its id. */
export const organizations = pgTable('organizations', {
  id: id(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  defaultZone: text('default_zone').notNull(),
  currency: char('currency', { length: 3 }).notNull(),
  /** ISO 3166 country used as the default region when parsing phone numbers. */
  country: char('country', { length: 2 }).notNull(),
  branding: jsonb('branding').$type<OrganizationBranding>().notNull().default({}),
  /** Minutes before a visit that reminders go, e.g. 1440 and 120; whole days keep the time of day. */
  reminderOffsetsMinutes: integer('reminder_offsets_minutes').array().notNull().default([1440, 120]),
  /** Local "HH:mm" between which no reminder goes (in each centre's zone); both null: none. */
  quietHoursStart: text('quiet_hours_start').default('21:00'),
  quietHoursEnd: text('quiet_hours_end').default('08:00'),
  /** The channels a patient message tries, in order, among those the patient agreed to. */
  channelOrder: notificationChannel('channel_order')
    .array()
    .$type<NotificationChannel[]>()
    .notNull()
    .default(['whatsapp', 'sms', 'email']),
  /** The registered office, printed on invoices with the tax registration. */
  addressLine: text('address_line'),
  city: text('city'),
  postalCode: text('postal_code'),
  phone: text('phone'),
  email: text('email'),
  /** Tax registration printed on invoices (in India the GSTIN). */
  taxId: text('tax_id'),
  onlineBooking: onlineBookingPolicy('online_booking').notNull().default('anyone'),
  /** Admins must sign in with a second factor (TOTP) once this is on. */
  requireAdminTwoFactor: boolean('require_admin_two_factor').notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const centres = pgTable(
  'centres',
  {
    id: id(),
    organizationId: organizationRef(),
    name: text('name').notNull(),
    addressLine: text('address_line').notNull(),
    city: text('city').notNull(),
    postalCode: text('postal_code'),
    phone: text('phone'),
    zone: text('zone').notNull(),
    /** A link to the centre on a map, shown to patients. */
    mapUrl: text('map_url'),
    /** ISO weekdays (1 = Monday ... 7 = Sunday) the centre is open; no slots on the others. */
    openingDays: smallint('opening_days').array().notNull().default(sql`'{1,2,3,4,5,6,7}'`),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('centres_org_name_key').on(t.organizationId, t.name),
    index('centres_org_idx').on(t.organizationId),
    check('centres_opening_days_check', sql`${t.openingDays} <@ '{1,2,3,4,5,6,7}'::smallint[]`),
  ],
);
