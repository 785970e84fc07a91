'use client';
import { universalToFdi } from '@carelane/core';
import { cn } from '@carelane/ui';
import type { KeyboardEvent } from 'react';
import { STATUS_ORDER, STATUS_STYLE, statusCounts, statusLabel, type Treatment, toothTitle } from './treatment-format';

// As the dentist faces the patient: the upper arch 1-16 from the patient's right, the lower arch
// 32-17 beneath it, so each column holds a tooth and the one it bites on.
const UPPER = Array.from({ length: 16 }, (_, i) => i + 1);
const LOWER = Array.from({ length: 16 }, (_, i) => 32 - i);

/** The tooth the arrow key leads to from `tooth`, or null at the chart's edge. */
function nextTooth(tooth: number, key: string): number | null {
  const upper = tooth <= 16;
  const row = upper ? UPPER : LOWER;
  const column = row.indexOf(tooth);
  const other = upper ? LOWER : UPPER;
  if (key === 'ArrowRight') return row[column + 1] ?? null;
  if (key === 'ArrowLeft') return row[column - 1] ?? null;
  if (key === 'ArrowDown' && upper) return other[column] ?? null;
  if (key === 'ArrowUp' && !upper) return other[column] ?? null;
  if (key === 'Home') return row[0] ?? null;
  if (key === 'End') return row.at(-1) ?? null;
  return null;
}

function StatusMarks({ items }: { items: readonly Treatment[] }) {
  return (
    <span aria-hidden="true" className="flex min-h-5 flex-wrap justify-center gap-0.5">
      {STATUS_ORDER.map((s) => {
        const n = items.filter((t) => t.status === s).length;
        return n ? (
          <span
            key={s}
            className={cn('rounded px-0.5 text-[0.7rem] leading-4 font-bold', STATUS_STYLE[s].chip)}
            title={`${n} ${statusLabel(s).toLowerCase()}`}
          >
            {STATUS_STYLE[s].letter}
            {n > 1 ? n : ''}
          </span>
        ) : null;
      })}
    </span>
  );
}

function Tooth({
  tooth,
  items,
  selected,
  onSelect,
}: {
  tooth: number;
  items: readonly Treatment[];
  selected: boolean;
  onSelect: (tooth: number) => void;
}) {
  const upper = tooth <= 16;
  return (
    <button
      type="button"
      data-tooth={tooth}
      aria-label={`${toothTitle(tooth)}: ${statusCounts(items)}`}
      aria-pressed={selected}
      onClick={() => onSelect(tooth)}
      className={cn(
        'flex min-h-20 flex-col items-center gap-0.5 border bg-white px-0.5 py-1 text-slate-900 hover:bg-teal-50',
        'focus-visible:outline-3 focus-visible:outline-offset-1 focus-visible:outline-teal-700',
        upper ? 'rounded-t-md rounded-b-2xl' : 'flex-col-reverse rounded-t-2xl rounded-b-md',
        selected ? 'border-2 border-teal-800 bg-teal-50 ring-2 ring-teal-700/30' : 'border-slate-300',
      )}
    >
      <span className="text-center leading-tight">
        <span className="block text-sm font-semibold">{tooth}</span>
        <span className="block text-[0.7rem] whitespace-nowrap text-slate-600">FDI {universalToFdi(tooth)}</span>
      </span>
      <StatusMarks items={items} />
    </button>
  );
}

export function StatusLegend() {
  return (
    <ul aria-label="Legend" className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
      {STATUS_ORDER.map((s) => (
        <li key={s} className="flex items-center gap-1.5">
          <span aria-hidden="true" className={cn('rounded px-1 text-xs font-bold', STATUS_STYLE[s].chip)}>
            {STATUS_STYLE[s].letter}
          </span>
          {statusLabel(s)}
        </li>
      ))}
      <li className="text-slate-600">Numbers: universal, with FDI beneath</li>
    </ul>
  );
}

/** 32 permanent teeth as buttons: Tab or the arrow keys move between them, Enter opens one. */
export function ToothChart({
  treatments,
  selected,
  onSelect,
}: {
  treatments: readonly Treatment[];
  selected: number | null;
  onSelect: (tooth: number) => void;
}) {
  const byTooth = (tooth: number) => treatments.filter((t) => t.tooth === tooth);
  function move(event: KeyboardEvent<HTMLDivElement>) {
    const from = Number((event.target as HTMLElement).dataset.tooth);
    if (!from) return;
    const to = nextTooth(from, event.key);
    if (to === null) return;
    event.preventDefault();
    event.currentTarget.querySelector<HTMLButtonElement>(`[data-tooth="${to}"]`)?.focus();
  }
  const row = (teeth: number[], label: string) => (
    // biome-ignore lint/a11y/useSemanticElements: a labelled group of buttons, not a form fieldset
    <div role="group" aria-label={label} className="grid grid-cols-16 gap-1">
      {teeth.map((t) => (
        <Tooth key={t} tooth={t} items={byTooth(t)} selected={selected === t} onSelect={onSelect} />
      ))}
    </div>
  );
  return (
    <div className="space-y-3">
      {/* Narrow screens scroll the chart sideways inside its own box, never the page. */}
      <div className="max-w-full overflow-x-auto rounded-lg border border-slate-200 bg-slate-50 p-2">
        {/* biome-ignore lint/a11y/noStaticElementInteractions: arrow keys move focus between the tooth buttons inside */}
        <div onKeyDown={move} className="min-w-[44rem] space-y-1">
          <div className="flex justify-between px-1 text-xs font-medium text-slate-600">
            <span>Patient's right</span>
            <span>Upper</span>
            <span>Patient's left</span>
          </div>
          {row(UPPER, 'Upper teeth')}
          <div aria-hidden="true" className="border-t border-dashed border-slate-300" />
          {row(LOWER, 'Lower teeth')}
          <p className="text-center text-xs font-medium text-slate-600">Lower</p>
        </div>
      </div>
      <StatusLegend />
    </div>
  );
}
