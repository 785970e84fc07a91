import {
  addLocalDays,
  type ClinicKind,
  type ConsultationMode,
  localDate,
  type StaffRole,
  zonedTime,
} from '@carelane/core';
import type { Faker } from '@faker-js/faker';
import type {
  appointmentTypes,
  availabilityExceptions,
  availabilityRules,
  centres,
  clinicianAppointmentTypes,
  clinicianProfiles,
  organizations,
  staffCentres,
  staffUsers,
} from '../schema';
import { CURRENCY, slugify, ZONE } from './helpers';

export type CentreSpec = {
  key: string;
  name: string;
  addressLine: string;
  city: string;
  state: string;
  postalCode: string;
  phone: string;
};

export type StaffSpec = {
  key: string;
  name: string;
  email: string;
  phone: string;
  role: StaffRole;
  /** Centre keys; the first is the default centre. */
  centres: readonly string[];
};

/** Weekly hours: ISO weekdays (1 = Monday … 7 = Sunday), local "HH:MM" times. */
export type RuleSpec = { days: readonly number[]; start: string; end: string; mode?: ConsultationMode };

export type ClinicianSpec = StaffSpec & {
  title: string;
  /** The first entry is the primary specialisation, matched against appointment types. */
  specialisations: readonly string[];
  qualifications: readonly string[];
  languages: readonly string[];
  feeMinor: number;
  bio: string;
  modes: readonly ConsultationMode[];
  rules: readonly RuleSpec[];
};

export type TypeSpec = {
  key: string;
  name: string;
  specialisation: string;
  durationMinutes: number;
  priceMinor: number;
  colour: string;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  mode: ConsultationMode;
  onlineBookable: boolean;
  requiresPrepayment?: boolean;
  depositMinor?: number;
  /** How often the generator picks this type among a clinician's types. */
  weight: number;
};

export type OrganizationSpec = {
  slug: string;
  name: string;
  country: string;
  primaryColour: string;
  /** Which of core's default medical-history questionnaires the clinic starts with (published as version 1). */
  questionnaire: ClinicKind;
  centres: readonly CentreSpec[];
  staff: readonly StaffSpec[];
  clinicians: readonly ClinicianSpec[];
  types: readonly TypeSpec[];
};

export type BuiltCentre = CentreSpec & { id: string };
export type BuiltClinician = ClinicianSpec & { id: string; centreId: string; centreKey: string };
export type BuiltType = TypeSpec & { id: string };

export type BuiltOrganization = {
  id: string;
  centres: BuiltCentre[];
  clinicians: BuiltClinician[];
  types: BuiltType[];
  /** Staff id by key. */
  staffIds: Map<string, string>;
  rows: {
    organization: typeof organizations.$inferInsert;
    centres: (typeof centres.$inferInsert)[];
    staff: (typeof staffUsers.$inferInsert)[];
    staffCentres: (typeof staffCentres.$inferInsert)[];
    profiles: (typeof clinicianProfiles.$inferInsert)[];
    rules: (typeof availabilityRules.$inferInsert)[];
    exceptions: (typeof availabilityExceptions.$inferInsert)[];
    types: (typeof appointmentTypes.$inferInsert)[];
    offeredTypes: (typeof clinicianAppointmentTypes.$inferInsert)[];
  };
};

function lookup<T>(map: Map<string, T>, key: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`seed: unknown key ${key}`);
  return value;
}

/**
 * Turns an organization spec into rows with ids drawn from the seeded faker. `hashes` maps a
 * staff email to its password hash.
 */
export function buildOrganization(
  faker: Faker,
  spec: OrganizationSpec,
  now: Date,
  hashes: Map<string, string>,
): BuiltOrganization {
  const organizationId = faker.string.uuid();
  const createdAt = new Date(now.getTime() - 400 * 24 * 3600_000);
  const validFrom = addLocalDays(localDate(now, ZONE), -60);

  const centreIds = new Map<string, string>();
  // Creation times are staggered so "first centre" and "first staff member" are well defined.
  const createdAfter = (minutes: number) => new Date(createdAt.getTime() + minutes * 60_000);
  const builtCentres: BuiltCentre[] = spec.centres.map((c) => {
    const id = faker.string.uuid();
    centreIds.set(c.key, id);
    return { ...c, id };
  });

  const staffIds = new Map<string, string>();
  const everyone: StaffSpec[] = [...spec.staff, ...spec.clinicians];
  const staffRows = everyone.map((s, index) => {
    const id = faker.string.uuid();
    staffIds.set(s.key, id);
    const defaultCentre = s.centres[0];
    return {
      id,
      organizationId,
      name: s.name,
      email: s.email,
      phone: s.phone,
      role: s.role,
      passwordHash: lookup(hashes, s.email),
      active: true,
      defaultCentreId: defaultCentre ? lookup(centreIds, defaultCentre) : null,
      createdAt: createdAfter(60 + index),
    } satisfies typeof staffUsers.$inferInsert;
  });

  const staffCentreRows = everyone.flatMap((s) =>
    s.centres.map((key) => ({
      organizationId,
      staffUserId: lookup(staffIds, s.key),
      centreId: lookup(centreIds, key),
    })),
  );

  const clinicians: BuiltClinician[] = spec.clinicians.map((c) => {
    const centreKey = c.centres[0];
    if (!centreKey) throw new Error(`seed: clinician ${c.key} has no centre`);
    return { ...c, id: lookup(staffIds, c.key), centreKey, centreId: lookup(centreIds, centreKey) };
  });

  const profiles = clinicians.map((c) => ({
    staffUserId: c.id,
    organizationId,
    slug: slugify(c.name),
    title: c.title,
    specialisations: [...c.specialisations],
    qualifications: [...c.qualifications],
    languages: [...c.languages],
    feeMinor: c.feeMinor,
    currency: CURRENCY,
    photoUrl: null,
    bio: c.bio,
    modes: [...c.modes],
    listed: true,
    createdAt,
  }));

  const rules = clinicians.flatMap((c) =>
    c.rules.flatMap((r) =>
      r.days.map((weekday) => ({
        id: faker.string.uuid(),
        organizationId,
        clinicianId: c.id,
        centreId: c.centreId,
        weekday,
        startTime: `${r.start}:00`,
        endTime: `${r.end}:00`,
        mode: r.mode ?? 'in_person',
        validFrom,
        validTo: null,
        createdAt,
      })),
    ),
  );

  const types: BuiltType[] = spec.types.map((t) => ({ ...t, id: faker.string.uuid() }));
  const typeRows = types.map((t) => ({
    id: t.id,
    organizationId,
    name: t.name,
    specialisation: t.specialisation,
    durationMinutes: t.durationMinutes,
    priceMinor: t.priceMinor,
    currency: CURRENCY,
    colour: t.colour,
    bufferBeforeMinutes: t.bufferBeforeMinutes,
    bufferAfterMinutes: t.bufferAfterMinutes,
    mode: t.mode,
    onlineBookable: t.onlineBookable,
    requiresPrepayment: t.requiresPrepayment ?? false,
    depositMinor: t.depositMinor ?? 0,
    active: true,
    createdAt,
  }));

  // Each clinician offers the types of their specialisations and those of none (as migration 0036).
  const offeredTypes = clinicians.flatMap((c) =>
    types
      .filter((t) => !t.specialisation || c.specialisations.includes(t.specialisation))
      .map((t) => ({ organizationId, clinicianId: c.id, typeId: t.id })),
  );

  return {
    id: organizationId,
    centres: builtCentres,
    clinicians,
    types,
    staffIds,
    rows: {
      organization: {
        id: organizationId,
        name: spec.name,
        slug: spec.slug,
        defaultZone: ZONE,
        currency: CURRENCY,
        country: spec.country,
        branding: { primaryColour: spec.primaryColour },
        createdAt,
      },
      centres: builtCentres.map((c, index) => ({
        id: c.id,
        organizationId,
        name: c.name,
        addressLine: c.addressLine,
        city: c.city,
        postalCode: c.postalCode,
        phone: c.phone,
        zone: ZONE,
        active: true,
        createdAt: createdAfter(index),
      })),
      staff: staffRows,
      staffCentres: staffCentreRows,
      profiles,
      rules,
      exceptions: [],
      types: typeRows,
      offeredTypes,
    },
  };
}

/** A whole local day [00:00, next 00:00) as instants. */
export function wholeDay(isoDate: string): { startsAt: Date; endsAt: Date } {
  return { startsAt: zonedTime(isoDate, 0, 0, ZONE), endsAt: zonedTime(addLocalDays(isoDate, 1), 0, 0, ZONE) };
}

/** Fixed-date Indian public holidays (month-day, name). */
const HOLIDAYS: readonly (readonly [string, string])[] = [
  ['01-26', 'Republic Day'],
  ['05-01', 'Maharashtra Day'],
  ['08-15', 'Independence Day'],
  ['10-02', 'Gandhi Jayanti'],
  ['12-25', 'Christmas'],
];

/** The first fixed-date public holiday strictly after `today`. */
export function nextPublicHoliday(today: string): { date: string; name: string } {
  const year = Number(today.slice(0, 4));
  for (const y of [year, year + 1]) {
    for (const [monthDay, name] of HOLIDAYS) {
      const date = `${y}-${monthDay}`;
      if (date > today) return { date, name };
    }
  }
  throw new Error('seed: no upcoming holiday');
}
