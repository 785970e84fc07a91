import { addLocalDays, normalisePhone } from '@carelane/core';
import { base, en, en_IN, Faker } from '@faker-js/faker';

export const SEED = 20261121;
export const ZONE = 'Asia/Kolkata';
export const CURRENCY = 'INR';
export const CHUNK = 500;

/**
 * A private fakerEN_IN (same locale chain) so a seed running concurrently with another in the
 * same process cannot disturb its random sequence.
 */
export function createFaker(seed: number = SEED): Faker {
  const faker = new Faker({ locale: [en_IN, en, base] });
  faker.seed(seed);
  return faker;
}

/** Reads `items[index]`, throwing instead of returning undefined. */
export function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new RangeError(`seed: no item at index ${index}`);
  return item;
}

/** Picks by weight: `[[value, weight], …]`; zero-weight choices are left out. */
export function weighted<T>(faker: Faker, choices: readonly (readonly [T, number])[]): T {
  return faker.helpers.weightedArrayElement(
    choices.filter(([, weight]) => weight > 0).map(([value, weight]) => ({ value, weight })),
  );
}

export function chance(faker: Faker, probability: number): boolean {
  return faker.number.float({ min: 0, max: 1 }) < probability;
}

/** Runs `insert` over `rows` in chunks, sequentially (one transaction, one connection). */
export async function inChunks<T>(rows: readonly T[], insert: (chunk: T[]) => PromiseLike<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await insert(rows.slice(i, i + CHUNK));
  }
}

/** "Dr. Meera Krishnan" -> "meera-krishnan". */
export function slugify(name: string): string {
  return name
    .replace(/^(dr|mr|mrs|ms)\.?\s+/i, '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a YYYY-MM-DD date. */
export function isoWeekday(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  const day = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** "09:30" -> 570. */
export function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

export function addMinutes(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * MINUTE);
}

/** A random instant in [from, to] (whole minutes), or `from` when the range is empty. */
export function between(faker: Faker, from: Date, to: Date): Date {
  const span = Math.floor((to.getTime() - from.getTime()) / MINUTE);
  if (span <= 0) return from;
  return addMinutes(from, faker.number.int({ min: 0, max: span }));
}

/**
 * Unique, valid Indian mobile numbers in E.164 (+91 then 10 digits starting 6–9), drawn from
 * the seeded faker. `reserved` numbers are never handed out.
 */
export class PhoneBook {
  private readonly faker: Faker;
  private readonly used: Set<string>;

  constructor(faker: Faker, reserved: Iterable<string>) {
    this.faker = faker;
    this.used = new Set(reserved);
  }

  next(): string {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const first = this.faker.helpers.arrayElement(['6', '7', '8', '9', '9', '9']);
      const candidate = `+91${first}${this.faker.string.numeric(9)}`;
      // Keep clear of the block the demo staff accounts use.
      if (candidate.startsWith('+9198000')) continue;
      if (this.used.has(candidate) || normalisePhone(candidate) !== candidate) continue;
      this.used.add(candidate);
      return candidate;
    }
    throw new Error('seed: could not find a free phone number');
  }
}

/** The local dates from `from` to `to` (inclusive) offset from `today`. */
export function dayRange(today: string, from: number, to: number): { offset: number; date: string }[] {
  const days: { offset: number; date: string }[] = [];
  for (let offset = from; offset <= to; offset++) days.push({ offset, date: addLocalDays(today, offset) });
  return days;
}
