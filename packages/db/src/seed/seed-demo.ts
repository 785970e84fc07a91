import { addLocalDays, localDate } from '@carelane/core';
import type { Faker } from '@faker-js/faker';
import type { Database } from '../client';
import { insertStartingRows } from '../onboarding/starting-rows';
import { hashPassword } from '../password';
import {
  appointments,
  appointmentTypes,
  availabilityExceptions,
  availabilityRules,
  centres,
  clinicianAppointmentTypes,
  clinicianProfiles,
  households,
  organizations,
  patients,
  staffCentres,
  staffUsers,
} from '../schema';
import { buildAppointments, type ForcedBooking } from './appointments';
import { buildBilling, insertBilling } from './billing';
import { LAKESIDE, SUNRISE } from './clinicians';
import { DEMO } from './demo-accounts';
import { at, createFaker, inChunks, PhoneBook, ZONE } from './helpers';
import { BENGALURU, CHENNAI, PUNE } from './names';
import { type BuiltOrganization, buildOrganization, nextPublicHoliday, wholeDay } from './organization';
import { buildPatients } from './patients';

export type SeedSummary = {
  organizations: number;
  centres: number;
  staff: number;
  clinicians: number;
  patients: number;
  households: number;
  appointments: number;
};

/** True when the database holds no organization yet (a fresh install). */
export async function isEmpty(db: Database): Promise<boolean> {
  const rows = await db.select({ id: organizations.id }).from(organizations).limit(1);
  return rows.length === 0;
}

/**
 * Seeds the demo clinics (DEMO.organization with two centres, DEMO.otherOrganization with one)
 * in one transaction, or not at all. Deterministic (a private seeded fakerEN_IN, never
 * Math.random): the same `now` gives the same rows, ids included; the organizations, staff and
 * patients (names, phones, MRNs) are the same whatever `now` is, while dates, appointments and
 * their statuses follow it. Logs nothing.
 */
export async function seedDemo(db: Database, options: { now?: Date } = {}): Promise<SeedSummary> {
  const now = options.now ?? new Date();
  const specs = [SUNRISE, LAKESIDE];
  const emails = specs.flatMap((s) => [...s.staff, ...s.clinicians].map((person) => person.email));
  // One hash per user (argon2 salts each); they run on the libuv pool in parallel.
  const hashes = new Map(
    await Promise.all(emails.map(async (email) => [email, await hashPassword(DEMO.password)] as const)),
  );
  const plan = planDemo(createFaker(), now, hashes);

  await db.transaction(async (tx) => {
    const orgs = [plan.sunrise, plan.lakeside];
    await tx.insert(organizations).values(orgs.map((o) => o.rows.organization));
    await inChunks(
      orgs.flatMap((o) => o.rows.centres),
      (chunk) => tx.insert(centres).values(chunk),
    );
    await inChunks(
      orgs.flatMap((o) => o.rows.staff),
      (chunk) => tx.insert(staffUsers).values(chunk),
    );
    await inChunks(
      orgs.flatMap((o) => o.rows.staffCentres),
      (chunk) => tx.insert(staffCentres).values(chunk),
    );
    await inChunks(
      orgs.flatMap((o) => o.rows.profiles),
      (chunk) => tx.insert(clinicianProfiles).values(chunk),
    );
    await inChunks(
      orgs.flatMap((o) => o.rows.rules),
      (chunk) => tx.insert(availabilityRules).values(chunk),
    );
    await inChunks(
      orgs.flatMap((o) => o.rows.exceptions),
      (chunk) => tx.insert(availabilityExceptions).values(chunk),
    );
    await inChunks(
      orgs.flatMap((o) => o.rows.types),
      (chunk) => tx.insert(appointmentTypes).values(chunk),
    );
    await inChunks(
      orgs.flatMap((o) => o.rows.offeredTypes),
      (chunk) => tx.insert(clinicianAppointmentTypes).values(chunk),
    );
    await inChunks(plan.householdRows, (chunk) => tx.insert(households).values(chunk));
    await inChunks(plan.patientRows, (chunk) => tx.insert(patients).values(chunk));
    await inChunks(plan.appointmentRows, (chunk) => tx.insert(appointments).values(chunk));
    await insertBilling(tx, plan.billing);
    // What every organization starts with, the same rows a real clinic's setup writes.
    await insertStartingRows(tx, [
      { id: plan.sunrise.id, kind: SUNRISE.questionnaire },
      { id: plan.lakeside.id, kind: LAKESIDE.questionnaire },
    ]);
  });

  const orgs = [plan.sunrise, plan.lakeside];
  return {
    organizations: orgs.length,
    centres: orgs.reduce((n, o) => n + o.rows.centres.length, 0),
    staff: orgs.reduce((n, o) => n + o.rows.staff.length, 0),
    clinicians: orgs.reduce((n, o) => n + o.clinicians.length, 0),
    patients: plan.patientRows.length,
    households: plan.householdRows.length,
    appointments: plan.appointmentRows.length,
  };
}

/** Builds every row in memory, drawing from `faker` in a fixed order. */
function planDemo(faker: Faker, now: Date, hashes: Map<string, string>) {
  const today = localDate(now, ZONE);
  const sunrise = buildOrganization(faker, SUNRISE, now, hashes);
  const lakeside = buildOrganization(faker, LAKESIDE, now, hashes);

  const staffPhones = [SUNRISE, LAKESIDE].flatMap((s) => [...s.staff, ...s.clinicians].map((p) => p.phone));
  const phones = new PhoneBook(faker, [...staffPhones, DEMO.patient.phone]);
  const demoPatient = { ...DEMO.patient, sex: 'male', age: 38 } as const;

  const sunrisePatients = buildPatients(faker, {
    organizationId: sunrise.id,
    mrnPrefix: 'SH',
    count: 300,
    households: 60,
    homes: [
      { centreKey: 'blr', places: BENGALURU, surnames: 'south', share: 62 },
      { centreKey: 'pune', places: PUNE, surnames: 'west', share: 38 },
    ],
    first: demoPatient,
    now,
    phones,
  });
  // Same phone as the demo patient on purpose: phones are unique per organization only.
  const lakesidePatients = buildPatients(faker, {
    organizationId: lakeside.id,
    mrnPrefix: 'LD',
    count: 20,
    households: 0,
    homes: [{ centreKey: 'chennai', places: CHENNAI, surnames: 'south', share: 1 }],
    first: demoPatient,
    now,
    phones,
  });

  // Exceptions: one clinician's day off, and the Pune centre closed on the next public holiday.
  const clinician = (org: BuiltOrganization, key: string) => {
    const found = org.clinicians.find((c) => c.key === key);
    if (!found) throw new Error(`seed: unknown clinician ${key}`);
    return found;
  };
  const aditya = clinician(sunrise, 'aditya');
  const pune = at(sunrise.centres, 1);
  const dayOff = addLocalDays(today, 4);
  const holiday = nextPublicHoliday(today);
  sunrise.rows.exceptions.push(
    {
      id: faker.string.uuid(),
      organizationId: sunrise.id,
      clinicianId: aditya.id,
      centreId: aditya.centreId,
      kind: 'time_off',
      ...wholeDay(dayOff),
      reason: 'Attending a CME conference',
    },
    {
      id: faker.string.uuid(),
      organizationId: sunrise.id,
      clinicianId: null,
      centreId: pune.id,
      kind: 'closure',
      ...wholeDay(holiday.date),
      reason: `${holiday.name}: centre closed`,
    },
  );

  const arjun = at(sunrisePatients.patients, 0).id;
  const forced: ForcedBooking[] = [
    { clinicianKey: 'meera', offset: -25, typeKey: 'gp', patientId: arjun, status: 'completed' },
    { clinicianKey: 'sanjay', offset: -11, typeKey: 'dentalCheck', patientId: arjun, status: 'completed' },
    { clinicianKey: 'meera', offset: -4, typeKey: 'gpFollowUp', patientId: arjun, status: 'cancelled' },
    { clinicianKey: 'meera', offset: 1, typeKey: 'gpFollowUp', patientId: arjun, status: 'confirmed' },
    { clinicianKey: 'sanjay', offset: 6, typeKey: 'scaling', patientId: arjun, status: 'pending' },
  ];

  const staffId = (org: BuiltOrganization, key: string) => {
    const id = org.staffIds.get(key);
    if (!id) throw new Error(`seed: unknown staff ${key}`);
    return id;
  };
  const sunriseAppointments = buildAppointments(faker, {
    org: sunrise,
    patients: sunrisePatients.patients,
    now,
    from: -30,
    to: 14,
    fill: (offset) => (offset < 0 ? 0.62 : offset === 0 ? 0.8 : offset <= 3 ? 0.6 : offset <= 7 ? 0.45 : 0.3),
    blocked: [
      { date: dayOff, clinicianId: aditya.id },
      { date: holiday.date, centreId: pune.id },
    ],
    forced,
    minToday: 3,
    reserved: new Set([arjun]),
    deskStaff: new Map([
      ['blr', staffId(sunrise, 'frontDesk')],
      ['pune', staffId(sunrise, 'puneFrontDesk')],
    ]),
  });
  const lakesideAppointments = buildAppointments(faker, {
    org: lakeside,
    patients: lakesidePatients.patients,
    now,
    from: -30,
    to: 14,
    fill: (offset) => (offset <= 0 ? 0.22 : 0.15),
    blocked: [],
    deskStaff: new Map([['chennai', staffId(lakeside, 'admin')]]),
  });

  const appointmentRows = [...sunriseAppointments, ...lakesideAppointments];
  // Drawn last, so the rows above stay what they were before billing was seeded.
  const billing = buildBilling(faker, { sunrise, lakeside, appointments: appointmentRows, demoPatientId: arjun });
  return {
    sunrise,
    lakeside,
    billing,
    householdRows: [...sunrisePatients.householdRows, ...lakesidePatients.householdRows],
    patientRows: [...sunrisePatients.patientRows, ...lakesidePatients.patientRows],
    appointmentRows,
  };
}
