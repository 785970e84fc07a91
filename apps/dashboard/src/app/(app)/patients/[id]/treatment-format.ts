import type { RouterOutputs } from '@carelane/api/client';
import { TREATMENT_STATUS_LABELS, type TreatmentStatus, toothName, universalToFdi } from '@carelane/core';

export type Treatment = RouterOutputs['treatments']['forPatient'][number];
export type Procedure = RouterOutputs['procedures']['list'][number];

/** Colour plus a letter and a border style, so a status reads without colour too. */
export const STATUS_STYLE: Record<TreatmentStatus, { letter: string; chip: string }> = {
  planned: { letter: 'P', chip: 'border-2 border-dashed border-amber-700 bg-amber-50 text-amber-900' },
  in_progress: { letter: 'I', chip: 'border-2 border-sky-800 bg-sky-100 text-sky-900' },
  done: { letter: 'D', chip: 'border-2 border-emerald-800 bg-emerald-700 text-white' },
};

export const STATUS_ORDER: readonly TreatmentStatus[] = ['planned', 'in_progress', 'done'];

export const statusLabel = (s: TreatmentStatus) => TREATMENT_STATUS_LABELS[s];

/** "Tooth 3 (FDI 16, upper right first molar)". */
export function toothTitle(tooth: number): string {
  return `Tooth ${tooth} (FDI ${universalToFdi(tooth)}, ${toothName(tooth)})`;
}

/** How many treatments of each status, e.g. "1 done, 1 planned"; "no treatments" when none. */
export function statusCounts(items: readonly Treatment[]): string {
  const parts = [...STATUS_ORDER]
    .reverse()
    .map((s) => [s, items.filter((t) => t.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${statusLabel(s).toLowerCase()}`);
  return parts.length ? parts.join(', ') : 'no treatments';
}

/** Today's date where the browser is, as the API's ISO date. */
export function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
