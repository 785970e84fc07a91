import { addLocalDays, localDate, type Sex } from '@carelane/core';
import type { Faker } from '@faker-js/faker';
import type { EmergencyContact, HealthPlan, households, PatientAddress, patients } from '../schema';
import { at, chance, DAY, MINUTE, type PhoneBook, weighted, ZONE } from './helpers';
import {
  BLOOD_GROUPS,
  BUILDINGS,
  type CityPlaces,
  FEMALE_NAMES,
  INSURERS,
  LEAD_SOURCES,
  MALE_NAMES,
  SURNAMES,
} from './names';

type Relationship = 'self' | 'spouse' | 'child' | 'parent';
type PatientRow = typeof patients.$inferInsert;
type HouseholdRow = typeof households.$inferInsert;

/** What the appointment generator needs to know about a patient. */
export type SeedPatient = {
  id: string;
  index: number;
  centreKey: string;
  age: number;
  createdAt: Date;
};

export type PatientHome = {
  centreKey: string;
  places: CityPlaces;
  surnames: keyof typeof SURNAMES;
  /** Relative share of patients living near this centre. */
  share: number;
};

export type FixedPatient = { firstName: string; lastName: string; phone: string; sex: Sex; age: number };

export type PatientOptions = {
  organizationId: string;
  mrnPrefix: string;
  count: number;
  households: number;
  homes: readonly PatientHome[];
  /** Patient #1 (head of the first household when there are households). */
  first?: FixedPatient;
  now: Date;
  phones: PhoneBook;
};

type Member = { relationship: Relationship | null; sex: Sex; age: number; lastName?: string };

export function buildPatients(
  faker: Faker,
  options: PatientOptions,
): { patients: SeedPatient[]; patientRows: PatientRow[]; householdRows: HouseholdRow[] } {
  const { organizationId, now, phones } = options;
  const today = localDate(now, ZONE);

  // Plan the groups first: households of 2–4 and single patients, in registration order.
  const groups: Member[][] = [];
  for (let h = 0; h < options.households; h++) {
    const size =
      h === 0 && options.first
        ? 3
        : weighted(faker, [
            [2, 35],
            [3, 35],
            [4, 30],
          ] as const);
    groups.push(householdMembers(faker, size, h === 0 ? options.first : undefined));
  }
  const planned = groups.reduce((n, g) => n + g.length, 0);
  if (planned > options.count) throw new Error('seed: more household members than patients');
  const singles: Member[][] = [];
  for (let i = groups.length === 0 && options.first ? 1 : 0; i < options.count - planned; i++) {
    singles.push([{ relationship: null, sex: randomSex(faker), age: singleAge(faker) }]);
  }
  const leading = groups.length > 0 ? groups.slice(0, 1) : options.first ? [[firstSingle(options.first)]] : [];
  const rest = faker.helpers.shuffle([...groups.slice(1), ...singles]);
  const ordered = [...leading, ...rest];

  const patientRows: PatientRow[] = [];
  const seedPatients: SeedPatient[] = [];
  const householdRows: HouseholdRow[] = [];

  for (const [groupIndex, group] of ordered.entries()) {
    const isFirst = groupIndex === 0 && options.first !== undefined;
    const home = weighted(
      faker,
      options.homes.map((h) => [h, h.share] as const),
    );
    const surname = isFirst && options.first ? options.first.lastName : pickSurname(faker, home.surnames);
    const address = makeAddress(faker, home.places);
    const isNew = !isFirst && group.length === 1 && chance(faker, 0.1);
    const registeredDaysAgo = isFirst
      ? 400
      : isNew
        ? faker.number.int({ min: 2, max: 25 })
        : faker.number.int({ min: 45, max: 1200 });
    const registeredAt = new Date(
      now.getTime() - registeredDaysAgo * DAY - faker.number.int({ min: 0, max: 600 }) * MINUTE,
    );
    const plan = chance(faker, group.length > 1 ? 0.3 : 0.2) ? healthPlan(faker, today) : null;
    const householdId = group.length > 1 ? faker.string.uuid() : null;
    if (householdId) {
      householdRows.push({ id: householdId, organizationId, name: `${surname} family`, createdAt: registeredAt });
    }

    const members: { row: PatientRow; name: string; phone: string }[] = [];
    for (const [memberIndex, m] of group.entries()) {
      const fixed = isFirst && memberIndex === 0 ? options.first : undefined;
      const firstName = fixed?.firstName ?? pickFirstName(faker, m.sex);
      const lastName = m.lastName ?? surname;
      const phone = fixed?.phone ?? phones.next();
      const index = patientRows.length + 1;
      const hasEmail = fixed !== undefined || (m.age >= 16 && chance(faker, 0.85));
      const email = hasEmail
        ? faker.internet.exampleEmail({ firstName: ascii(firstName), lastName: ascii(lastName) }).toLowerCase()
        : null;
      const tags: string[] = [];
      if (m.age >= 35 && chance(faker, 0.15)) tags.push('diabetic');
      if (m.age >= 40 && chance(faker, 0.15)) tags.push('hypertension');
      if (m.age >= 60) tags.push('senior-citizen');
      if (chance(faker, 0.04)) tags.push('vip');
      if (plan) tags.push('insurance');
      if (isNew) tags.push('new');
      const id = faker.string.uuid();
      const row: PatientRow = {
        id,
        organizationId,
        mrn: `${options.mrnPrefix}-${String(index).padStart(6, '0')}`,
        firstName,
        lastName,
        phone,
        email,
        birthDate: addLocalDays(today, -(Math.floor(m.age * 365.25) + faker.number.int({ min: 10, max: 350 }))),
        sex: m.sex,
        bloodGroup: chance(faker, 0.85) ? weighted(faker, BLOOD_GROUPS) : null,
        address,
        emergencyContact: null,
        healthPlan: plan ? { ...plan, memberId: `${plan.memberId}-${memberIndex + 1}` } : null,
        tags,
        leadSource: chance(faker, 0.85) ? weighted(faker, LEAD_SOURCES) : null,
        consentSms: fixed !== undefined || chance(faker, 0.85),
        consentWhatsapp: fixed !== undefined || chance(faker, 0.75),
        consentEmail: email !== null && (fixed !== undefined || chance(faker, 0.6)),
        // One in five reads messages in Hindi; decided without faker so the other draws stay put.
        language: fixed === undefined && index % 5 === 2 ? 'hi' : 'en',
        householdId,
        householdRelationship: householdId ? m.relationship : null,
        createdAt: new Date(registeredAt.getTime() + memberIndex * MINUTE),
      };
      members.push({ row, name: `${firstName} ${lastName}`, phone });
      patientRows.push(row);
      seedPatients.push({
        id,
        index,
        centreKey: home.centreKey,
        age: m.age,
        createdAt: new Date(registeredAt.getTime() + memberIndex * MINUTE),
      });
    }

    // Emergency contacts: family members name each other; some single patients name someone.
    const head = at(members, 0);
    for (const [memberIndex, member] of members.entries()) {
      if (memberIndex === 0 && members.length > 1) {
        const other = at(members, 1);
        member.row.emergencyContact = contact(other.name, other.phone, at(group, 1).relationship);
      } else if (memberIndex > 0) {
        member.row.emergencyContact = contact(head.name, head.phone, inverse(at(group, memberIndex).relationship));
      } else if (chance(faker, 0.35)) {
        const sex = randomSex(faker);
        member.row.emergencyContact = {
          name: `${pickFirstName(faker, sex)} ${member.row.lastName ?? ''}`.trim(),
          phone: phones.next(),
          relationship: faker.helpers.arrayElement(['Father', 'Mother', 'Brother', 'Sister', 'Friend']),
        };
      }
    }
  }
  return { patients: seedPatients, patientRows, householdRows };
}

function householdMembers(faker: Faker, size: number, first: FixedPatient | undefined): Member[] {
  const headSex: Sex = first?.sex ?? (chance(faker, 0.5) ? 'male' : 'female');
  const headAge = first?.age ?? faker.number.int({ min: 28, max: 62 });
  const self: Member = { relationship: 'self', sex: headSex, age: headAge };
  const spouse: Member = {
    relationship: 'spouse',
    sex: headSex === 'male' ? 'female' : 'male',
    age: Math.max(21, headAge + faker.number.int({ min: -6, max: 6 })),
  };
  const child = (): Member => ({
    relationship: 'child',
    sex: chance(faker, 0.5) ? 'male' : 'female',
    age: faker.number.int({ min: 1, max: Math.max(1, Math.min(headAge - 22, 30)) }),
  });
  const parent = (): Member => ({
    relationship: 'parent',
    sex: chance(faker, 0.5) ? 'male' : 'female',
    age: Math.min(90, headAge + faker.number.int({ min: 22, max: 32 })),
  });
  if (size === 2) return chance(faker, 0.7) ? [self, spouse] : [self, parent()];
  if (size === 3) return chance(faker, 0.75) ? [self, spouse, child()] : [self, spouse, parent()];
  return chance(faker, 0.65) ? [self, spouse, child(), child()] : [self, spouse, child(), parent()];
}

function firstSingle(first: FixedPatient): Member {
  return { relationship: null, sex: first.sex, age: first.age };
}

function randomSex(faker: Faker): Sex {
  return weighted(faker, [
    ['female', 50],
    ['male', 48],
    ['other', 1],
    ['unknown', 1],
  ] as const);
}

function singleAge(faker: Faker): number {
  const [min, max] = weighted(faker, [
    [[1, 17], 10],
    [[18, 35], 35],
    [[36, 60], 38],
    [[61, 90], 17],
  ] as const);
  return faker.number.int({ min, max });
}

function pickFirstName(faker: Faker, sex: Sex): string {
  if (sex === 'male') return faker.helpers.arrayElement(MALE_NAMES);
  if (sex === 'female') return faker.helpers.arrayElement(FEMALE_NAMES);
  return faker.helpers.arrayElement([...MALE_NAMES, ...FEMALE_NAMES]);
}

function pickSurname(faker: Faker, region: keyof typeof SURNAMES): string {
  // Mostly local surnames, with people from elsewhere in India mixed in.
  const pool = chance(faker, 0.6)
    ? SURNAMES[region]
    : chance(faker, 0.5)
      ? SURNAMES.pan
      : [...SURNAMES.south, ...SURNAMES.west];
  return faker.helpers.arrayElement(pool);
}

function makeAddress(faker: Faker, places: CityPlaces): PatientAddress {
  const locality = faker.helpers.arrayElement(places.localities);
  const street = faker.helpers.arrayElement(locality.streets);
  const apartment = chance(faker, 0.5);
  return {
    line1: apartment
      ? `Flat ${faker.number.int({ min: 1, max: 14 })}0${faker.number.int({ min: 1, max: 8 })}, ${faker.helpers.arrayElement(BUILDINGS)}`
      : `${faker.number.int({ min: 1, max: 950 })}, ${street}`,
    line2: apartment ? `${street}, ${locality.name}` : locality.name,
    city: places.city,
    state: places.state,
    postalCode: locality.postalCode,
    country: 'IN',
  };
}

function healthPlan(faker: Faker, today: string): HealthPlan & { memberId: string } {
  const insurer = faker.helpers.arrayElement(INSURERS);
  return {
    insurer: insurer.insurer,
    plan: faker.helpers.arrayElement(insurer.plans),
    memberId: `${insurer.insurer.replace(/[^A-Z]/g, '')}${faker.string.numeric(8)}`,
    validTo: addLocalDays(today, faker.number.int({ min: 60, max: 700 })),
  };
}

function contact(name: string, phone: string, relationship: Relationship | null): EmergencyContact {
  const label: Record<Relationship, string> = { self: 'Self', spouse: 'Spouse', child: 'Child', parent: 'Parent' };
  return relationship ? { name, phone, relationship: label[relationship] } : { name, phone };
}

/** How the head relates to a member: the head is a child's parent and a parent's child. */
function inverse(relationship: Relationship | null): Relationship | null {
  if (relationship === 'child') return 'parent';
  if (relationship === 'parent') return 'child';
  return relationship;
}

/** "D'Souza" -> "DSouza", for email local parts. */
function ascii(name: string): string {
  return name.normalize('NFKD').replace(/[^A-Za-z]/g, '');
}
