'use client';
import { formatLocalTime } from '@carelane/core';
import { type ReactNode, useState } from 'react';

export type PickerDay = { date: string; starts: number[] };

function dayLabel(date: string) {
  return new Intl.DateTimeFormat('en-IN', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

function zoneName(zone: string) {
  return (
    new Intl.DateTimeFormat('en-IN', { timeZone: zone, timeZoneName: 'long' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName')?.value ?? zone
  );
}

/**
 * A strip of days and the free times of the chosen one, in the centre's zone; online visits also
 * in the patient's own zone. `caption` adds a line under a time (say, how many clinicians are free).
 */
export function TimePicker({
  zone,
  days,
  online,
  onChoose,
  caption,
}: {
  zone: string;
  days: PickerDay[];
  online: boolean;
  onChoose: (start: Date) => void;
  caption?: (start: number) => ReactNode;
}) {
  const [date, setDate] = useState<string | null>(null);
  const myZone = typeof Intl !== 'undefined' ? Intl.DateTimeFormat().resolvedOptions().timeZone : 'UTC';
  const selected = days.find((d) => d.date === date) ?? days[0];
  const showMine = online && myZone !== zone;
  const mine = (d: Date) =>
    new Intl.DateTimeFormat('en-IN', { hour: 'numeric', minute: '2-digit', timeZone: myZone }).format(d);

  return (
    <div className="space-y-4">
      <fieldset className="flex min-w-0 gap-2 overflow-x-auto pb-2">
        <legend className="sr-only">Choose a day</legend>
        {days.map((d) => (
          <button
            key={d.date}
            type="button"
            aria-pressed={selected?.date === d.date}
            onClick={() => setDate(d.date)}
            className={`shrink-0 rounded-lg border px-3 py-2 text-left text-sm focus-visible:outline-2 focus-visible:outline-teal-700 ${
              selected?.date === d.date
                ? 'border-teal-700 bg-teal-700 text-white'
                : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-50'
            }`}
          >
            <span className="block font-semibold">{dayLabel(d.date)}</span>
            <span className="block text-xs opacity-90">{d.starts.length} times</span>
          </button>
        ))}
      </fieldset>
      <p className="text-sm text-slate-600">
        Times in {zoneName(zone)}
        {showMine ? `; your time (${myZone}) shown below each` : ''}.
      </p>
      {selected ? (
        <ul
          className="grid grid-cols-3 gap-2 sm:grid-cols-4 md:grid-cols-6"
          aria-label={`Free times on ${dayLabel(selected.date)}`}
        >
          {selected.starts.map((start) => (
            <li key={start}>
              <button
                type="button"
                onClick={() => onChoose(new Date(start))}
                className="min-h-11 w-full rounded-md border border-teal-700 bg-white px-2 py-2 text-sm font-semibold text-teal-800 hover:bg-teal-50 focus-visible:outline-2 focus-visible:outline-teal-700"
              >
                {formatLocalTime(new Date(start), zone)}
                {showMine ? (
                  <span className="block text-xs font-normal text-slate-600">{mine(new Date(start))}</span>
                ) : null}
                {caption ? <span className="block text-xs font-normal text-slate-600">{caption(start)}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
