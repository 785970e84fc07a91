'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { addLocalDays, localDate } from '@carelane/core';
import { Alert, Button, Card, TextField } from '@carelane/ui';
import { useState } from 'react';
import { detailsOf } from '@/components/server-errors';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

type Entry = { key: number; weekday: number; start: string; end: string; mode: 'in_person' | 'online' };
type Rule = {
  weekday: number;
  start: string;
  end: string;
  mode: 'in_person' | 'online';
  validFrom: string;
  validTo: string | null;
};

/** The weekly grid: ranges per weekday, saved as a new week from a chosen date. */
export function WeeklyHoursForm({
  clinicianId,
  centre,
  rules,
  canEdit,
}: {
  clinicianId: string;
  centre: { id: string; name: string; zone: string };
  rules: Rule[];
  canEdit: boolean;
}) {
  const today = localDate(new Date(), centre.zone);
  // The week in force today, or the next one if it starts later.
  const current = rules.filter((r) => r.validFrom <= today);
  const shown = current.length ? current : rules;
  const upcoming = rules.filter((r) => r.validFrom > today);
  const [entries, setEntries] = useState<Entry[]>(() => shown.map((r, i) => ({ key: i, ...r })));
  const [validFrom, setValidFrom] = useState(today);
  const [nextKey, setNextKey] = useState(shown.length);
  const utils = trpc.useUtils();
  const save = trpc.availability.setWeeklyHours.useMutation({
    onSuccess: () => {
      void utils.availability.weeklyHours.invalidate();
      void utils.calendar.view.invalidate();
    },
  });
  const details = detailsOf(save.error);
  const problem = (index: number, field: string) =>
    details.find((d) => d.field === `entries.${index}.${field}`)?.message;

  function update(key: number, patch: Partial<Entry>) {
    setEntries((list) => list.map((e) => (e.key === key ? { ...e, ...patch } : e)));
  }
  function add(weekday: number) {
    setEntries((list) => [...list, { key: nextKey, weekday, start: '09:00', end: '13:00', mode: 'in_person' }]);
    setNextKey((k) => k + 1);
  }

  return (
    <Card className="space-y-4 p-5">
      <div>
        <h2 className="text-lg font-semibold text-slate-900">Weekly hours at {centre.name}</h2>
        <p className="text-sm text-slate-600">Times are local to the centre ({centre.zone}).</p>
        {upcoming.length && current.length ? (
          <p className="text-sm text-amber-800">A new week starts on {upcoming[0]?.validFrom}; saving replaces it.</p>
        ) : null}
      </div>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({
            clinicianId,
            centreId: centre.id,
            validFrom,
            entries: entries.map(({ weekday, start, end, mode }) => ({ weekday, start, end, mode })),
          });
        }}
      >
        <table className="w-full text-sm">
          <caption className="sr-only">Working hours by day</caption>
          <tbody className="divide-y divide-slate-100">
            {DAYS.map((name, i) => {
              const weekday = i + 1;
              const mine = entries.map((e, index) => ({ e, index })).filter(({ e }) => e.weekday === weekday);
              return (
                <tr key={name} className="align-top">
                  <th scope="row" className="w-28 py-2 pr-3 text-left font-semibold text-slate-800">
                    {name}
                  </th>
                  <td className="space-y-2 py-2">
                    {mine.length === 0 ? <p className="py-2 text-slate-500">Not working</p> : null}
                    {mine.map(({ e, index }) => (
                      <div key={e.key} className="flex flex-wrap items-start gap-2">
                        <TextField
                          label={`${name} start`}
                          type="time"
                          step={300}
                          value={e.start}
                          disabled={!canEdit}
                          onChange={(ev) => update(e.key, { start: ev.target.value })}
                          error={problem(index, 'start')}
                          className="w-36"
                        />
                        <TextField
                          label={`${name} end`}
                          type="time"
                          step={300}
                          value={e.end}
                          disabled={!canEdit}
                          onChange={(ev) => update(e.key, { end: ev.target.value })}
                          error={problem(index, 'end')}
                          className="w-36"
                        />
                        <label className="mt-6 flex items-center gap-2 text-sm text-slate-800">
                          <input
                            type="checkbox"
                            checked={e.mode === 'online'}
                            disabled={!canEdit}
                            onChange={(ev) => update(e.key, { mode: ev.target.checked ? 'online' : 'in_person' })}
                            className="accent-teal-700"
                          />
                          Online
                        </label>
                        {canEdit ? (
                          <Button
                            variant="ghost"
                            className="mt-6"
                            onClick={() => setEntries((list) => list.filter((x) => x.key !== e.key))}
                            aria-label={`Remove ${name} ${e.start}–${e.end}`}
                          >
                            Remove
                          </Button>
                        ) : null}
                      </div>
                    ))}
                  </td>
                  <td className="w-32 py-2 text-right">
                    {canEdit ? (
                      <Button variant="secondary" onClick={() => add(weekday)} aria-label={`Add hours on ${name}`}>
                        Add hours
                      </Button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {save.error ? <Alert>{errorMessage(save.error)}</Alert> : null}
        {save.isSuccess ? <Alert tone="success">Saved. The new hours apply from {save.data.validFrom}.</Alert> : null}
        {canEdit ? (
          <div className="flex flex-wrap items-end gap-3">
            <TextField
              label="Apply from"
              type="date"
              min={today}
              max={addLocalDays(today, 365)}
              value={validFrom}
              onChange={(e) => setValidFrom(e.target.value)}
              className="w-44"
            />
            <Button type="submit" busy={save.isPending}>
              Save weekly hours
            </Button>
          </div>
        ) : null}
      </form>
    </Card>
  );
}
