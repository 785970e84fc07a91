'use client';
import { MONTH_NAMES } from '@carelane/core';
import { Alert, Button } from '@carelane/ui';
import { type FormEvent, useId, useState } from 'react';

const DAYS = Array.from({ length: 31 }, (_, i) => String(i + 1));

const SELECT =
  'block min-h-12 w-full rounded-md border border-slate-400 bg-white px-2 text-base text-slate-900 ' +
  'focus:border-teal-700 focus:outline-none focus:ring-2 focus:ring-teal-700/30 aria-[invalid=true]:border-red-700';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Step 1: the patient confirms who they are. Three selects rather than a date picker: a phone's
 * picker starts at today and makes people scroll decades back.
 */
export function BirthDateStep({
  onConfirm,
  busy,
  error,
  notice,
}: {
  onConfirm: (birthDate: string) => void;
  busy: boolean;
  error: string | null;
  notice: string | null;
}) {
  const id = useId();
  const [day, setDay] = useState('');
  const [month, setMonth] = useState('');
  const [year, setYear] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - 1900 + 1 }, (_, i) => String(thisYear - i));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!day || !month || !year) {
      setMissing('Choose the day, month and year you were born.');
      return;
    }
    const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
    if (date.getUTCDate() !== Number(day)) {
      setMissing('That day is not in that month. Check the day and month.');
      return;
    }
    setMissing(null);
    onConfirm(`${year}-${pad(Number(month))}-${pad(Number(day))}`);
  }

  const shown = missing ?? error;
  const invalid = shown ? true : undefined;
  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      <div>
        <h1 className="outline-none text-xl font-semibold text-slate-900">Confirm it is you</h1>
        <p className="mt-2 text-base text-slate-700">
          Before you see the form, enter your date of birth as the clinic has it.
        </p>
      </div>
      {notice ? <Alert tone="info">{notice}</Alert> : null}
      <fieldset aria-describedby={`${id}-error`} className="space-y-2">
        <legend className="text-base font-medium text-slate-900">Date of birth</legend>
        <div className="grid grid-cols-[1fr_2fr_1.4fr] gap-2">
          <label className="space-y-1">
            <span className="block text-sm text-slate-700">Day</span>
            <select className={SELECT} value={day} onChange={(e) => setDay(e.target.value)} aria-invalid={invalid}>
              <option value="">--</option>
              {DAYS.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </label>
          <label className="space-y-1">
            <span className="block text-sm text-slate-700">Month</span>
            <select className={SELECT} value={month} onChange={(e) => setMonth(e.target.value)} aria-invalid={invalid}>
              <option value="">--</option>
              {MONTH_NAMES.map((name, i) => (
                <option key={name} value={String(i + 1)}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <label className="space-y-1">
            <span className="block text-sm text-slate-700">Year</span>
            <select className={SELECT} value={year} onChange={(e) => setYear(e.target.value)} aria-invalid={invalid}>
              <option value="">--</option>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p id={`${id}-error`} aria-live="polite" className="min-h-5 text-base font-medium text-red-700">
          {shown}
        </p>
      </fieldset>
      <Button type="submit" busy={busy} className="min-h-12 w-full text-base">
        Continue
      </Button>
    </form>
  );
}
