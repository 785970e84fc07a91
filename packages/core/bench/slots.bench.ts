/**
 * `pnpm bench`: latency of the slot engine on deterministic synthetic data (seeded PRNG), in
 * process. Prints figures; asserts nothing. Target: scenario (a) ≤ 5 ms p50.
 */
import {
  aggregateSlots,
  type BusyBlock,
  type ClinicianSlots,
  computeSlots,
  type SlotQuery,
  type WeeklyRule,
} from '../src/slots';

const RUNS = 200;
const DAY = 86_400_000;
const MINUTE = 60_000;
const ZONE = 'Asia/Kolkata';
// Monday 2026-01-05 00:00 IST.
const NOW = Date.UTC(2026, 0, 4, 18, 30);

/** mulberry32: small, fast and deterministic, so every run sees the same data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function weekRules(morning: [string, string], afternoon: [string, string]): WeeklyRule[] {
  const rules: WeeklyRule[] = [];
  for (let weekday = 1; weekday <= 6; weekday++) {
    for (const [start, end] of [morning, afternoon]) {
      rules.push({ weekday, start, end, validFrom: '2025-01-01', validTo: null, zone: ZONE });
    }
  }
  return rules;
}

/** Appointments at random 5-minute marks between 09:00 and 17:45 IST on the next `days` days. */
function appointments(count: number, days: number, random: () => number): BusyBlock[] {
  const busy: BusyBlock[] = [];
  for (let i = 0; i < count; i++) {
    const day = Math.floor(random() * days);
    const minute = 9 * 60 + Math.floor(random() * 106) * 5;
    const start = NOW + day * DAY + minute * MINUTE;
    const length = [15, 15, 30][Math.floor(random() * 3)] ?? 15;
    const buffer = () => [0, 0, 5][Math.floor(random() * 3)] ?? 0;
    busy.push({ start, end: start + length * MINUTE, bufferBeforeMinutes: buffer(), bufferAfterMinutes: buffer() });
  }
  return busy;
}

function query(rules: WeeklyRule[], busy: BusyBlock[], horizonDays: number): SlotQuery {
  return {
    zone: ZONE,
    rules,
    exceptions: [{ kind: 'time_off', start: NOW + 10 * DAY + 4 * 3_600_000, end: NOW + 10 * DAY + 8 * 3_600_000 }],
    busy,
    durationMinutes: 15,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 5,
    intervalMinutes: 5,
    minimumNoticeMinutes: 60,
    horizonDays,
    now: NOW + 9 * 3_600_000 + 7 * MINUTE,
  };
}

const WARM_UP = 20;

function measure(name: string, run: (i: number) => unknown) {
  for (let i = 0; i < WARM_UP; i++) run(i);
  const times: number[] = [];
  for (let i = WARM_UP; i < WARM_UP + RUNS; i++) {
    const start = performance.now();
    run(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(3);
  console.log(
    `${name.padEnd(52)} p50 ${at(0.5).padStart(7)} ms   p95 ${at(0.95).padStart(7)} ms   max ${at(1).padStart(7)} ms`,
  );
}

const random = prng(20_260_105);

const single = query(weekRules(['09:00', '13:00'], ['14:00', '18:00']), appointments(500, 30, random), 30);
const coldStart = performance.now();
const singleSlots = computeSlots(single).reduce((n, d) => n + d.slots.length, 0);
const cold = performance.now() - coldStart;
// The same week after week further on, so that every run meets dates the time-zone memo has not seen.
const shifted = Array.from({ length: WARM_UP + RUNS }, (_, i): SlotQuery => {
  const by = (i + 1) * 35 * DAY;
  return {
    ...single,
    now: single.now + by,
    busy: single.busy.map((b) => ({ ...b, start: b.start + by, end: b.end + by })),
    exceptions: single.exceptions.map((e) => ({ ...e, start: e.start + by, end: e.end + by })),
  };
});

const team = Array.from({ length: 20 }, (_, i) => {
  const shift = (i % 3) * 30; // staggered hours, so the union is not one clinician's grid
  const at = (minutes: number) =>
    `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const rules = weekRules([at(540 + shift), at(780 + shift)], [at(840 + shift), at(1080 + shift)]);
  return { clinicianId: `clinician-${i + 1}`, query: query(rules, appointments(150, 14, random), 14) };
});
const teamRun = () =>
  aggregateSlots(team.map((c): ClinicianSlots => ({ clinicianId: c.clinicianId, days: computeSlots(c.query) })));
const teamDays = teamRun();
const perClinician = team.map((c): ClinicianSlots => ({ clinicianId: c.clinicianId, days: computeSlots(c.query) }));

console.log(`(a) ${singleSlots} slots over ${single.horizonDays} days from ${single.busy.length} appointments`);
console.log(
  `(b) ${teamDays.reduce((n, d) => n + d.slots.length, 0)} distinct starts over ${teamDays.length} days, ` +
    `${perClinician.reduce((n, c) => n + c.days.reduce((m, d) => m + d.slots.length, 0), 0)} clinician slots; ` +
    `${RUNS} runs each\n`,
);
console.log(`${'(a) first call (cold JIT and time-zone memo)'.padEnd(52)}     ${cold.toFixed(3).padStart(7)} ms`);
measure('(a) computeSlots: 1 clinician, 30 days, 500 appts', () => computeSlots(single));
measure('(a) same, on dates new to the time-zone memo', (i) => computeSlots(shifted[i] ?? single));
measure('(b) computeSlots × 20 + aggregateSlots, 14 days', teamRun);
measure('(b) aggregateSlots alone, 20 clinicians', () => aggregateSlots(perClinician));
