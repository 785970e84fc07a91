/**
 * Bench data for the patient registry: a million patients and their appointments, streamed
 * with COPY while the tables' indexes are set aside (rebuilt afterwards, which is faster than
 * keeping them up to date row by row).
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database } from '@carelane/db';

type Sql = Database['$client'];

export const FIRST_NAMES = [
  'Aarav',
  'Aditi',
  'Aditya',
  'Akash',
  'Amit',
  'Ananya',
  'Anil',
  'Anita',
  'Anjali',
  'Arjun',
  'Arun',
  'Asha',
  'Deepa',
  'Deepak',
  'Divya',
  'Gaurav',
  'Geeta',
  'Harish',
  'Ishaan',
  'Kavita',
  'Kiran',
  'Krishna',
  'Lakshmi',
  'Manoj',
  'Meena',
  'Meera',
  'Mohan',
  'Nandini',
  'Neha',
  'Nikhil',
  'Nisha',
  'Pooja',
  'Prakash',
  'Priya',
  'Rahul',
  'Rajesh',
  'Ramesh',
  'Ravi',
  'Rekha',
  'Rohan',
  'Sachin',
  'Sanjay',
  'Sarita',
  'Shreya',
  'Sita',
  'Sneha',
  'Sunil',
  'Sunita',
  'Suresh',
  'Tanvi',
  'Uma',
  'Varun',
  'Vijay',
  'Vikram',
  'Vinod',
  'Yash',
  'Farah',
  'Imran',
  'Zoya',
  'Joseph',
  'Mary',
  'Thomas',
  'Gurpreet',
  'Harpreet',
  'Simran',
  'Fatima',
];
export const LAST_NAMES = [
  'Sharma',
  'Verma',
  'Gupta',
  'Iyer',
  'Iyengar',
  'Nair',
  'Menon',
  'Pillai',
  'Reddy',
  'Rao',
  'Naidu',
  'Patel',
  'Shah',
  'Mehta',
  'Desai',
  'Joshi',
  'Kulkarni',
  'Deshpande',
  'Patil',
  'Pawar',
  'Singh',
  'Kaur',
  'Gill',
  'Khan',
  'Ahmed',
  'Qureshi',
  'Das',
  'Ghosh',
  'Bose',
  'Banerjee',
  'Chatterjee',
  'Mukherjee',
  'Sen',
  'Roy',
  'Krishnan',
  'Subramanian',
  'Venkatesan',
  'Raman',
  'Srinivasan',
  'Kumar',
  'Mishra',
  'Tiwari',
  'Pandey',
  'Yadav',
  'Chauhan',
  'Thakur',
  'Fernandes',
  'DSouza',
  'Thomas',
  'Mathew',
  'George',
  'Kapoor',
  'Malhotra',
  'Chopra',
  'Agarwal',
  'Bansal',
  'Jain',
  'Saxena',
  'Srivastava',
  'Bhatt',
  'Trivedi',
  'Dubey',
  'Hegde',
];
const TAGS = ['diabetes', 'hypertension', 'asthma', 'vip', 'paediatric', 'pregnancy', 'thyroid'];
const SOURCES = ['walk_in', 'google', 'referral', 'instagram', 'health_camp', 'practo'];
const INSURERS = ['Star Health', 'HDFC Ergo', 'Niva Bupa', 'ICICI Lombard', 'Care Health', 'CGHS'];
const DAY_MS = 86_400_000;

/** A small deterministic generator (mulberry32), so every run loads the same data. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const pick = <T>(list: readonly T[], r: number): T => list[Math.floor(r * list.length)] as T;

/** The n-th bench patient's mobile: distinct for every n below 2e9, and apart from the demo's numbers. */
export const benchPhone = (n: number) => `+91${6_000_000_000 + ((n * 7919 + 12_345) % 2_000_000_000)}`;
export const benchName = (n: number) => {
  const r = random(n + 1);
  return { first: pick(FIRST_NAMES, r()), last: pick(LAST_NAMES, r()) };
};

/** Sets the table's indexes and exclusion constraints aside while `body` runs, then rebuilds them. */
async function withoutIndexes(sql: Sql, table: string, body: () => Promise<void>) {
  const constraints = await sql<{ name: string; def: string }[]>`
    select conname as name, pg_get_constraintdef(oid) as def from pg_constraint
    where conrelid = ${table}::regclass and contype = 'x'`;
  const indexes = await sql<{ name: string; def: string }[]>`
    select indexname as name, indexdef as def from pg_indexes
    where tablename = ${table} and indexname not in (select conname from pg_constraint where conrelid = ${table}::regclass)`;
  for (const c of constraints) await sql.unsafe(`alter table ${table} drop constraint ${c.name}`);
  for (const i of indexes) await sql.unsafe(`drop index ${i.name}`);
  await body();
  await sql`set maintenance_work_mem = '1GB'`;
  for (const i of indexes) await sql.unsafe(i.def);
  for (const c of constraints) await sql.unsafe(`alter table ${table} add constraint ${c.name} ${c.def}`);
}

/** COPY rows (tab-separated text lines) into a table on a connection with triggers off. */
async function copyRows(sql: Sql, statement: string, lines: Iterable<string>) {
  const conn = await sql.reserve();
  try {
    // A bench database: foreign-key checks and row triggers off while loading (last visits are backfilled).
    await conn`set session_replication_role = replica`;
    const writable = await conn.unsafe(statement).writable();
    await pipeline(Readable.from(lines), writable);
  } finally {
    await conn`set session_replication_role = origin`;
    conn.release();
  }
}

export type BenchOrg = {
  organizationId: string;
  centreIds: string[];
  clinicianIds: string[];
  typeId: string;
};

/** Loads `count` patients into the organization; a share of them get appointments. Returns row counts. */
export async function loadPatients(sql: Sql, org: BenchOrg, count: number) {
  const now = Date.now();
  const withVisits: string[] = [];
  function* patientLines() {
    const r = random(42);
    let batch = '';
    for (let n = 0; n < count; n++) {
      const id = randomUUID();
      const { first, last } = benchName(n);
      const age = Math.floor(r() * 90);
      const birth = new Date(now - (age * 365.25 + r() * 365) * DAY_MS).toISOString().slice(0, 10);
      const s = r();
      const sex = s < 0.49 ? 'female' : s < 0.98 ? 'male' : s < 0.99 ? 'other' : 'unknown';
      const tags = TAGS.filter(() => r() < 0.08);
      const source = r() < 0.8 ? pick(SOURCES, r()) : '\\N';
      const plan = r() < 0.3 ? JSON.stringify({ insurer: pick(INSURERS, r()) }) : '\\N';
      const email = r() < 0.4 ? `${first}.${last}${n}@mail.example`.toLowerCase() : '\\N';
      // Registered over five years, a little more recently.
      const created = new Date(now - r() ** 1.5 * 5 * 365 * DAY_MS).toISOString();
      const mrn = `SH-B${String(n).padStart(7, '0')}`;
      batch += `${id}\t${org.organizationId}\t${mrn}\t${first}\t${last}\t${benchPhone(n)}\t${email}\t${birth}\t${sex}\t{${tags.join(',')}}\t${source}\t${plan}\t${created}\n`;
      if (r() < 0.25) withVisits.push(id);
      if (n % 2000 === 1999) {
        yield batch;
        batch = '';
      }
    }
    if (batch) yield batch;
  }
  await withoutIndexes(sql, 'patients', () =>
    copyRows(
      sql,
      'copy patients (id, organization_id, mrn, first_name, last_name, phone, email, birth_date, sex, tags, lead_source, health_plan, created_at) from stdin',
      patientLines(),
    ),
  );

  // Appointments: each clinician's 15-minute slots back to back from about three years ago to a
  // month ahead, so none overlap; past ones mostly completed, future ones booked.
  const slotsPerDay = 48;
  const clinicians = org.clinicianIds.length;
  let appointmentCount = 0;
  function* appointmentLines() {
    const r = random(7);
    const visits = withVisits.flatMap((id) => (r() < 0.5 ? [id] : [id, id]));
    const days = Math.ceil(visits.length / (clinicians * slotsPerDay));
    const firstDay = Math.floor(now / DAY_MS) - days + 30;
    let batch = '';
    for (let i = 0; i < visits.length; i++) {
      const clinician = i % clinicians;
      const slot = Math.floor(i / clinicians);
      const start =
        (firstDay + Math.floor(slot / slotsPerDay)) * DAY_MS + (2.5 * 60 + (slot % slotsPerDay) * 15) * 60_000;
      const past = start < now;
      const s = r();
      const status = past
        ? s < 0.8
          ? 'completed'
          : s < 0.9
            ? 'cancelled'
            : 'no_show'
        : s < 0.6
          ? 'confirmed'
          : 'pending';
      const centre = org.centreIds[clinician % org.centreIds.length];
      batch += `${org.organizationId}\t${centre}\t${org.clinicianIds[clinician]}\t${visits[i]}\t${org.typeId}\t${new Date(start).toISOString()}\t${new Date(start + 15 * 60_000).toISOString()}\t${status}\tdashboard\t50000\tINR\n`;
      appointmentCount += 1;
      if (i % 2000 === 1999) {
        yield batch;
        batch = '';
      }
    }
    if (batch) yield batch;
  }
  await withoutIndexes(sql, 'appointments', () =>
    copyRows(
      sql,
      'copy appointments (organization_id, centre_id, clinician_id, patient_id, type_id, starts_at, ends_at, status, source, fee_minor, currency) from stdin',
      appointmentLines(),
    ),
  );
  // What the trigger keeps up to date, filled in once.
  await sql`update patients p set last_visit_at = v.last
    from (select patient_id, max(starts_at) as last from appointments
          where status in ('checked_in', 'completed') group by patient_id) v
    where p.id = v.patient_id and p.last_visit_at is distinct from v.last`;
  await sql`vacuum analyze patients`;
  await sql`vacuum analyze appointments`;
  return { patients: count, appointments: appointmentCount };
}
