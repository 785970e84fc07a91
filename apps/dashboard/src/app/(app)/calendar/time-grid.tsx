'use client';
import { APPOINTMENT_STATUS_LABELS, formatLocalTime, localDayBounds } from '@carelane/core';
import { cn } from '@carelane/ui';
import { type PointerEvent as ReactPointerEvent, useRef, useState } from 'react';
import {
  type CalendarAppointment,
  type CalendarColumn,
  type CalendarView,
  PX_PER_MINUTE,
  type SlotTarget,
} from './types';

const SNAP_MINUTES = 5;
const CLICK_SNAP_MINUTES = 15;

type Drag = {
  appointment: CalendarAppointment;
  fromColumn: CalendarColumn;
  grabOffsetMinutes: number;
  durationMinutes: number;
  pointerStartY: number;
  moved: boolean;
  target: { column: CalendarColumn; minutes: number } | null;
};

function columnTitle(col: CalendarColumn, view: 'day' | 'week') {
  if (view === 'day') return col.clinicianName;
  return new Intl.DateTimeFormat('en-IN', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${col.date}T12:00:00Z`),
  );
}

/**
 * The time grid: a column per clinician (day) or per day (week). Working hours are white, the
 * rest shaded, time off hatched. Click an empty time to book; drag a card to move it (or open
 * it and use "Move" from the keyboard).
 */
export function TimeGrid({
  data,
  busy,
  onCreate,
  onMove,
  onOpen,
}: {
  data: CalendarView;
  busy: boolean;
  onCreate: (target: SlotTarget) => void;
  onMove: (appointment: CalendarAppointment, target: SlotTarget) => void;
  onOpen: (appointment: CalendarAppointment, column: CalendarColumn) => void;
}) {
  const { zone, hours, view } = data;
  const totalMinutes = (hours.end - hours.start) * 60;
  const height = totalMinutes * PX_PER_MINUTE;
  const columnRefs = useRef(new Map<string, HTMLDivElement>());
  const [drag, setDrag] = useState<Drag | null>(null);

  const dayStart = (col: CalendarColumn) => localDayBounds(col.date, zone).start.getTime() + hours.start * 3_600_000;
  const minutesIn = (col: CalendarColumn, d: Date) => (d.getTime() - dayStart(col)) / 60_000;
  const instantAt = (col: CalendarColumn, minutes: number) => new Date(dayStart(col) + minutes * 60_000);
  const target = (col: CalendarColumn, minutes: number): SlotTarget => ({
    clinicianId: col.clinicianId,
    clinicianName: col.clinicianName,
    specialisations: col.specialisations,
    date: col.date,
    startsAt: instantAt(col, minutes),
  });

  /** Where a booking from the keyboard starts: the first working minute, else the grid's top. */
  function firstWorkingMinute(col: CalendarColumn) {
    const first = col.working[0];
    return first ? Math.max(0, Math.round(minutesIn(col, first.start) / CLICK_SNAP_MINUTES) * CLICK_SNAP_MINUTES) : 0;
  }

  function pointerMinutes(col: CalendarColumn, clientY: number, snap: number) {
    const el = columnRefs.current.get(col.key);
    if (!el) return 0;
    const raw = (clientY - el.getBoundingClientRect().top) / PX_PER_MINUTE;
    return Math.max(0, Math.min(totalMinutes - snap, Math.round(raw / snap) * snap));
  }

  function columnAt(clientX: number): CalendarColumn | null {
    for (const col of data.columns) {
      const rect = columnRefs.current.get(col.key)?.getBoundingClientRect();
      if (rect && clientX >= rect.left && clientX < rect.right) return col;
    }
    return null;
  }

  function startDrag(event: ReactPointerEvent, appointment: CalendarAppointment, col: CalendarColumn) {
    if (event.button !== 0 || busy || !['pending', 'confirmed'].includes(appointment.status)) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const start = minutesIn(col, appointment.startsAt);
    setDrag({
      appointment,
      fromColumn: col,
      grabOffsetMinutes: pointerMinutes(col, event.clientY, 1) - start,
      durationMinutes: (appointment.endsAt.getTime() - appointment.startsAt.getTime()) / 60_000,
      pointerStartY: event.clientY,
      moved: false,
      target: null,
    });
  }

  function moveDrag(event: ReactPointerEvent) {
    if (!drag) return;
    const col = columnAt(event.clientX) ?? drag.fromColumn;
    const minutes = Math.max(0, pointerMinutes(col, event.clientY, 1) - drag.grabOffsetMinutes);
    const snapped = Math.round(minutes / SNAP_MINUTES) * SNAP_MINUTES;
    const moved = drag.moved || Math.abs(event.clientY - drag.pointerStartY) > 4 || col.key !== drag.fromColumn.key;
    setDrag({ ...drag, moved, target: { column: col, minutes: snapped } });
  }

  function endDrag(col: CalendarColumn) {
    if (!drag) return;
    const current = drag;
    setDrag(null);
    if (!current.moved || !current.target) {
      onOpen(current.appointment, col);
      return;
    }
    const next = target(current.target.column, current.target.minutes);
    if (
      next.startsAt.getTime() !== current.appointment.startsAt.getTime() ||
      next.clinicianId !== current.appointment.clinicianId
    ) {
      onMove(current.appointment, next);
    }
  }

  const hourMarks = Array.from({ length: hours.end - hours.start }, (_, i) => hours.start + i);
  const minWidth = view === 'day' ? Math.max(data.columns.length * 11, 20) : 7 * 9;

  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <div style={{ minWidth: `${minWidth + 4}rem` }}>
        <div
          className="sticky top-0 z-20 grid border-b border-slate-200 bg-white"
          style={{ gridTemplateColumns: `4rem repeat(${data.columns.length}, minmax(0, 1fr))` }}
        >
          <div />
          {data.columns.map((col) => (
            <div key={col.key} className="border-l border-slate-200 px-2 py-2">
              <p className="truncate text-sm font-semibold text-slate-900">{columnTitle(col, view)}</p>
              <p className="truncate text-xs text-slate-600">
                {[
                  view === 'day' ? col.specialisations[0] : col.date === data.today ? 'Today' : null,
                  `${col.appointments.length} booked`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <button
                type="button"
                onClick={() => onCreate(target(col, firstWorkingMinute(col)))}
                className="mt-1 rounded border border-slate-300 px-2 py-0.5 text-xs font-semibold text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-teal-700"
                aria-label={`Book with ${col.clinicianName} on ${col.date}`}
              >
                + Book
              </button>
            </div>
          ))}
        </div>
        <div className="grid" style={{ gridTemplateColumns: `4rem repeat(${data.columns.length}, minmax(0, 1fr))` }}>
          <div className="relative" style={{ height }} aria-hidden="true">
            {hourMarks.map((h) => (
              <span
                key={h}
                className={cn(
                  'absolute right-2 text-xs tabular-nums text-slate-500',
                  h > hours.start ? '-translate-y-2' : '',
                )}
                style={{ top: (h - hours.start) * 60 * PX_PER_MINUTE }}
              >
                {String(h).padStart(2, '0')}:00
              </span>
            ))}
          </div>
          {data.columns.map((col) => (
            // biome-ignore lint/a11y/noStaticElementInteractions: clicking a time is a pointer shortcut; keyboard users have "+ Book"
            // biome-ignore lint/a11y/useKeyWithClickEvents: as above, the column header's "+ Book" button is the keyboard path
            <div
              key={col.key}
              ref={(el) => {
                if (el) columnRefs.current.set(col.key, el);
                else columnRefs.current.delete(col.key);
              }}
              data-testid={`column-${col.clinicianName}-${col.date}`}
              className="relative border-l border-slate-200 bg-slate-100"
              style={{ height }}
              onClick={(e) => {
                if (e.target !== e.currentTarget && !(e.target as HTMLElement).dataset.slotBackground) return;
                onCreate(target(col, pointerMinutes(col, e.clientY, CLICK_SNAP_MINUTES)));
              }}
            >
              {col.working.map((w) => (
                <div
                  key={w.start.toISOString()}
                  data-slot-background="1"
                  className="absolute inset-x-0 bg-white"
                  style={{
                    top: minutesIn(col, w.start) * PX_PER_MINUTE,
                    height: minutesIn(col, w.end) * PX_PER_MINUTE - minutesIn(col, w.start) * PX_PER_MINUTE,
                  }}
                />
              ))}
              {hourMarks.map((h) => (
                <div
                  key={h}
                  aria-hidden="true"
                  className="pointer-events-none absolute inset-x-0 border-t border-slate-200"
                  style={{ top: (h - hours.start) * 60 * PX_PER_MINUTE }}
                />
              ))}
              {col.blocked.map((b) => (
                <div
                  key={b.start.toISOString()}
                  className="pointer-events-none absolute inset-x-0 flex items-start justify-center bg-[repeating-linear-gradient(45deg,#e2e8f0,#e2e8f0_6px,#f1f5f9_6px,#f1f5f9_12px)] pt-1 text-xs font-medium text-slate-700"
                  style={{
                    top: minutesIn(col, b.start) * PX_PER_MINUTE,
                    height: (minutesIn(col, b.end) - minutesIn(col, b.start)) * PX_PER_MINUTE,
                  }}
                >
                  {b.reason}
                </div>
              ))}
              {col.appointments.map((a) => {
                const dragging = drag?.appointment.id === a.id && drag.moved;
                const top = minutesIn(col, a.startsAt) * PX_PER_MINUTE;
                const h = Math.max(16, ((a.endsAt.getTime() - a.startsAt.getTime()) / 60_000) * PX_PER_MINUTE - 2);
                return (
                  <button
                    key={a.id}
                    type="button"
                    data-testid="appointment-card"
                    aria-label={`${formatLocalTime(a.startsAt, zone)} ${a.patient.name}, ${a.type.name}, ${APPOINTMENT_STATUS_LABELS[a.status]}${a.overbooked ? ', overbooked' : ''}`}
                    onPointerDown={(e) => startDrag(e, a, col)}
                    onPointerMove={moveDrag}
                    onPointerUp={() => endDrag(col)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        onOpen(a, col);
                      }
                    }}
                    className={cn(
                      'absolute left-1 right-1 z-10 flex cursor-grab touch-none flex-col justify-start overflow-hidden rounded-md border border-l-4 bg-white px-1.5 py-0.5 text-left text-xs leading-4 shadow-sm focus-visible:outline-2 focus-visible:outline-teal-700',
                      a.overbooked ? 'border-red-400 ring-1 ring-red-400' : 'border-slate-300',
                      a.status === 'completed' || a.status === 'no_show' ? 'opacity-70' : '',
                      dragging ? 'opacity-40' : '',
                    )}
                    style={{ top, height: h, borderLeftColor: a.type.colour }}
                  >
                    <span className="block truncate font-semibold text-slate-900">
                      {formatLocalTime(a.startsAt, zone)} {a.patient.name}
                    </span>
                    <span className="block truncate text-slate-700">
                      {a.overbooked ? '⚠ Overbooked · ' : ''}
                      {APPOINTMENT_STATUS_LABELS[a.status]} · {a.type.name}
                    </span>
                  </button>
                );
              })}
              {drag?.moved && drag.target?.column.key === col.key ? (
                <div
                  aria-hidden="true"
                  className="pointer-events-none absolute left-1 right-1 z-30 rounded-md border-2 border-dashed border-teal-700 bg-teal-50/80 px-1.5 text-xs font-semibold text-teal-900"
                  style={{ top: drag.target.minutes * PX_PER_MINUTE, height: drag.durationMinutes * PX_PER_MINUTE - 2 }}
                >
                  {formatLocalTime(instantAt(col, drag.target.minutes), zone)} {drag.appointment.patient.name}
                </div>
              ) : null}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
