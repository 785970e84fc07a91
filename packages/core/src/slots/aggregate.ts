import type { AggregatedDay, AggregatedSlot, ClinicianSlots, Interval } from './types';

/** One clinician's slots on one date, sorted by start then end. */
type Run = { clinicianId: string; slots: readonly Interval[] };

const byStartThenEnd = (a: Interval, b: Interval) => a.start - b.start || a.end - b.end;

function isSorted(slots: readonly Interval[]): boolean {
  for (let i = 1; i < slots.length; i++) {
    const prev = slots[i - 1];
    const slot = slots[i];
    if (prev && slot && byStartThenEnd(prev, slot) > 0) return false;
  }
  return true;
}

/**
 * Union of several clinicians' slots (say, everyone of one specialisation at a centre): each
 * (start, end) appears once per date, listing every clinician free then, in input order. With one
 * appointment type, and so one duration, that is once per start time. Dates ascending, slots by
 * start then end; a clinician passed twice is listed once. Input need not be sorted.
 */
export function aggregateSlots(perClinician: readonly ClinicianSlots[]): AggregatedDay[] {
  // Runs of the same clinician sit together (first-seen order), so ids come out in input order.
  const order = new Map<string, number>();
  for (const { clinicianId } of perClinician) if (!order.has(clinicianId)) order.set(clinicianId, order.size);
  const ranked = [...perClinician].sort((a, b) => (order.get(a.clinicianId) ?? 0) - (order.get(b.clinicianId) ?? 0));

  const runsByDate = new Map<string, Run[]>();
  for (const { clinicianId, days } of ranked) {
    for (const { date, slots } of days) {
      if (slots.length === 0) continue;
      const run = { clinicianId, slots: isSorted(slots) ? slots : [...slots].sort(byStartThenEnd) };
      const runs = runsByDate.get(date);
      if (runs) runs.push(run);
      else runsByDate.set(date, [run]);
    }
  }
  return [...runsByDate.keys()].sort().map((date) => ({ date, slots: mergeRuns(runsByDate.get(date) ?? []) }));
}

/** k-way merge of sorted runs: k is small (clinicians), so a linear scan of the heads beats a heap. */
function mergeRuns(runs: readonly Run[]): AggregatedSlot[] {
  const heads = new Int32Array(runs.length);
  const out: AggregatedSlot[] = [];
  for (;;) {
    let start = Number.POSITIVE_INFINITY;
    let end = Number.POSITIVE_INFINITY;
    let r = 0;
    for (const run of runs) {
      const i = heads[r++] ?? 0;
      const head = i < run.slots.length ? run.slots[i] : undefined;
      if (head && (head.start < start || (head.start === start && head.end < end))) {
        start = head.start;
        end = head.end;
      }
    }
    if (start === Number.POSITIVE_INFINITY) return out;
    const clinicianIds: string[] = [];
    let lastId: string | undefined;
    r = 0;
    for (const run of runs) {
      let i = heads[r] ?? 0;
      let head = run.slots[i];
      if (head && head.start === start && head.end === end) {
        if (run.clinicianId !== lastId) clinicianIds.push(run.clinicianId);
        lastId = run.clinicianId;
        // Skip repeats of this slot within the run (reading past the end would leave V8's fast path).
        while (head && head.start === start && head.end === end)
          head = ++i < run.slots.length ? run.slots[i] : undefined;
        heads[r] = i;
      }
      r++;
    }
    out.push({ start, end, clinicianIds });
  }
}
