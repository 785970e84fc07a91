/**
 * Bench data for the patient registry: a million patients and their appointments, streamed
 * with COPY while the tables' indexes are set aside (rebuilt afterwards, which is faster than
 * keeping them up to date row by row).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database } from '@carelane/db';
import { random } from './full-day';

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

/** The n-th bench patient's id: made from n, so visits can name patients before they are written. */
const patientId = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/**
 * Everyone's appointments, planned before anything is written: each clinician's 15-minute slots
 * back to back from about three years ago to a month ahead (so none overlap); a quarter of the
 * patients have one or two; past ones mostly completed, future ones booked. Also each patient's
 * last visit, which the trigger would keep and the load writes directly.
 */
function planVisits(count: number, clinicians: number, now: number) {
  const r = random(7);
  const patient: number[] = [];
  for (let n = 0; n < count; n++) {
    if (r() < 0.25) patient.push(n);
    if (r() < 0.12) patient.push(n);
  }
  // Spread each patient's visits apart in time.
  patient.sort((a, b) => ((a * 2_654_435_761) >>> 0) - ((b * 2_654_435_761) >>> 0));
  const slotsPerDay = 48;
  const firstDay = Math.floor(now / DAY_MS) - Math.ceil(patient.length / (clinicians * slotsPerDay)) + 30;
  const starts = new Float64Array(patient.length);
  const statuses: string[] = [];
  const lastVisit = new Float64Array(count).fill(Number.NaN);
  for (let i = 0; i < patient.length; i++) {
    const slot = Math.floor(i / clinicians);
    // 08:00 to 20:00 in India (02:30 UTC onwards).
    const start = (firstDay + Math.floor(slot / slotsPerDay)) * DAY_MS + (150 + (slot % slotsPerDay) * 15) * 60_000;
    const s = r();
    const status =
      start < now ? (s < 0.8 ? 'completed' : s < 0.9 ? 'cancelled' : 'no_show') : s < 0.6 ? 'confirmed' : 'pending';
    starts[i] = start;
    statuses.push(status);
    const n = patient[i] ?? 0;
    if (status === 'completed' && !(start <= (lastVisit[n] ?? 0))) lastVisit[n] = start;
  }
  return { patient, starts, statuses, lastVisit };
}

/** Loads `count` patients into the organization, with their appointments. Returns row counts. */
export async function loadPatients(sql: Sql, org: BenchOrg, count: number) {
  const now = Date.now();
  const visits = planVisits(count, org.clinicianIds.length, now);
  function* patientLines() {
    const r = random(42);
    let batch = '';
    for (let n = 0; n < count; n++) {
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
      const seen = visits.lastVisit[n] ?? Number.NaN;
      const lastVisit = Number.isNaN(seen) ? '\\N' : new Date(seen).toISOString();
      batch += `${patientId(n)}\t${org.organizationId}\t${mrn}\t${first}\t${last}\t${benchPhone(n)}\t${email}\t${birth}\t${sex}\t{${tags.join(',')}}\t${source}\t${plan}\t${created}\t${lastVisit}\n`;
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
      'copy patients (id, organization_id, mrn, first_name, last_name, phone, email, birth_date, sex, tags, lead_source, health_plan, created_at, last_visit_at) from stdin',
      patientLines(),
    ),
  );
  // The name-word trigger was off with the others during the COPY: note the new words as it would.
  await sql`insert into patient_name_words (organization_id, word)
    select distinct organization_id, w from patients, unnest(carelane_name_words(first_name, last_name)) as w
    on conflict do nothing`;

  const clinicians = org.clinicianIds.length;
  function* appointmentLines() {
    let batch = '';
    for (let i = 0; i < visits.patient.length; i++) {
      const clinician = i % clinicians;
      const start = visits.starts[i] ?? 0;
      const centre = org.centreIds[clinician % org.centreIds.length];
      batch += `${org.organizationId}\t${centre}\t${org.clinicianIds[clinician]}\t${patientId(visits.patient[i] ?? 0)}\t${org.typeId}\t${new Date(start).toISOString()}\t${new Date(start + 15 * 60_000).toISOString()}\t${visits.statuses[i]}\tdashboard\t50000\tINR\n`;
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
  // Kept by the appointments trigger, which was off during the COPY.
  await sql`update patients p set latest_booked_at = v.booked
    from (select patient_id, max(starts_at) as booked from appointments
          where status in ('pending', 'confirmed') group by patient_id) v
    where p.id = v.patient_id`;
  // The counters behind the statistics, which the triggers (off during the COPY) would have kept.
  await sql`select carelane_recount_patients()`;
  await sql`vacuum analyze patients`;
  await sql`vacuum analyze appointments`;
  return { patients: count, appointments: visits.patient.length };
}
