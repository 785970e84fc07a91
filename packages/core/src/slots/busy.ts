import type { BusyBlock, Interval } from './types';
import { mergeIntervals } from './working-ranges';
import { MINUTE_MS } from './zone-clock';

/** Busy blocks widened by their own buffers, sorted and merged, so one forward pointer can sweep them. */
export function widenBusy(busy: readonly BusyBlock[]): Interval[] {
  return mergeIntervals(
    busy.map((b) => ({
      start: b.start - Math.round(b.bufferBeforeMinutes * MINUTE_MS),
      end: b.end + Math.round(b.bufferAfterMinutes * MINUTE_MS),
    })),
  );
}

/** Index of the first interval (sorted, disjoint) that ends after `instant`. */
export function firstEndingAfter(intervals: readonly Interval[], instant: number): number {
  let lo = 0;
  let hi = intervals.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((intervals[mid]?.end ?? 0) <= instant) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export type StepOptions = {
  /** Inclusive bounds for a start. */
  first: number;
  last: number;
  durationMs: number;
  stepMs: number;
  bufferBeforeMs: number;
  bufferAfterMs: number;
};

/**
 * Free starts, ascending: every `stepMs` from each working range's start while the appointment fits
 * inside the range, skipping starts whose buffered span [start − before, start + duration + after)
 * meets a widened busy block. Starts only increase, so each busy block is passed once; on a clash
 * the step jumps straight past the block instead of trying each grid point under it.
 */
export function freeStarts(ranges: readonly Interval[], busy: readonly Interval[], o: StepOptions): number[] {
  const out: number[] = [];
  let b = firstEndingAfter(busy, o.first - o.bufferBeforeMs);
  let block = busy[b];
  for (let r = firstEndingAfter(ranges, o.first); r < ranges.length; r++) {
    const range = ranges[r];
    if (!range || range.start > o.last) break;
    let k = range.start >= o.first ? 0 : Math.ceil((o.first - range.start) / o.stepMs);
    let start = range.start + k * o.stepMs;
    while (start <= o.last && start + o.durationMs <= range.end) {
      while (block && block.end <= start - o.bufferBeforeMs) block = busy[++b];
      if (block && block.start < start + o.durationMs + o.bufferAfterMs) {
        k = Math.max(k + 1, Math.ceil((block.end + o.bufferBeforeMs - range.start) / o.stepMs));
      } else {
        out.push(start);
        k++;
      }
      start = range.start + k * o.stepMs;
    }
  }
  return out;
}
