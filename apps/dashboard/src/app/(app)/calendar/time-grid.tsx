'use client';
import { APPOINTMENT_STATUS_LABELS, formatLocalTime, localDayBounds } from '@carelane/core';
import { cn } from '@carelane/ui';
import { memo, type PointerEvent as ReactPointerEvent, type RefObject, useMemo, useRef, useState } from 'react';
import {
  type CalendarAppointment,
  type CalendarColumn,
  type CalendarView,
  PX_PER_MINUTE,
  type SlotTarget,
} from './types';

const SNAP_MINUTES = 5;
const CLICK_SNAP_MINUTES = 15;
/** Card height from which its second line (status and type) fits: two 16 px lines, padding, borders. */
const TWO_LINES_PX = 38;
/** Hour lines as one background instead of an element per hour and column. */
const HOUR_LINES = `repeating-linear-gradient(to bottom, #e2e8f0 0 1px, transparent 1px ${60 * PX_PER_MINUTE}px)`;

type Drag = {
  appointment: CalendarAppointment;
  fromColumn: CalendarColumn;
  grabOffsetMinutes: number;
  durationMinutes: number;
  pointerStartY: number;
  moved: boolean;
  target: { column: CalendarColumn; minutes: number } | null;
};

/** What a column does with the pointer; held in a ref so that columns need not redraw when it changes. */
type ColumnHandlers = {
  register: (key: string, el: HTMLDivElement | null) => void;
  clickEmpty: (col: CalendarColumn, clientY: number) => void;
  startDrag: (event: ReactPointerEvent, appointment: CalendarAppointment, col: CalendarColumn) => void;
  moveDrag: (event: ReactPointerEvent) => void;
  endDrag: (col: CalendarColumn) => void;
  open: (appointment: CalendarAppointment, col: CalendarColumn) => void;
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

  // Where each date's grid starts, worked out once per date: a zone conversion for every card
  // made a full day slow to draw.
  const gridStarts = useMemo(
    () => new Map(data.dates.map((d) => [d, localDayBounds(d, zone).start.getTime() + hours.start * 3_600_000])),
    [data.dates, zone, hours.start],
  );
  const gridStart = (col: CalendarColumn) => gridStarts.get(col.date) ?? 0;
  const target = (col: CalendarColumn, minutes: number): SlotTarget => ({
    clinicianId: col.clinicianId,
    clinicianName: col.clinicianName,
    specialisations: col.specialisations,
    date: col.date,
    startsAt: new Date(gridStart(col) + minutes * 60_000),
  });

  /** Where a booking from the keyboard starts: the first working minute, else the grid's top. */
  function firstWorkingMinute(col: CalendarColumn) {
    const first = col.working[0];
    if (!first) return 0;
    const minutes = (first.start.getTime() - gridStart(col)) / 60_000;
    return Math.max(0, Math.round(minutes / CLICK_SNAP_MINUTES) * CLICK_SNAP_MINUTES);
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

  const handlers = useRef<ColumnHandlers | null>(null);
  handlers.current = {
    register(key, el) {
      if (el) columnRefs.current.set(key, el);
      else columnRefs.current.delete(key);
    },
    clickEmpty(col, clientY) {
      if (!col.active) return;
      onCreate(target(col, pointerMinutes(col, clientY, CLICK_SNAP_MINUTES)));
    },
    startDrag(event, appointment, col) {
      if (event.button !== 0 || busy || !['pending', 'confirmed'].includes(appointment.status)) return;
      event.currentTarget.setPointerCapture(event.pointerId);
      const start = (appointment.startsAt.getTime() - gridStart(col)) / 60_000;
      setDrag({
        appointment,
        fromColumn: col,
        grabOffsetMinutes: pointerMinutes(col, event.clientY, 1) - start,
        durationMinutes: (appointment.endsAt.getTime() - appointment.startsAt.getTime()) / 60_000,
        pointerStartY: event.clientY,
        moved: false,
        target: null,
      });
    },
    moveDrag(event) {
      if (!drag) return;
      const col = columnAt(event.clientX) ?? drag.fromColumn;
      const minutes = Math.max(0, pointerMinutes(col, event.clientY, 1) - drag.grabOffsetMinutes);
      const snapped = Math.round(minutes / SNAP_MINUTES) * SNAP_MINUTES;
      const moved = drag.moved || Math.abs(event.clientY - drag.pointerStartY) > 4 || col.key !== drag.fromColumn.key;
      setDrag({ ...drag, moved, target: { column: col, minutes: snapped } });
    },
    endDrag(col) {
      if (!drag) return;
      setDrag(null);
      if (!drag.moved || !drag.target) {
        onOpen(drag.appointment, col);
        return;
      }
      const next = target(drag.target.column, drag.target.minutes);
      if (
        next.startsAt.getTime() !== drag.appointment.startsAt.getTime() ||
        next.clinicianId !== drag.appointment.clinicianId
      ) {
        onMove(drag.appointment, next);
      }
    },
    open: onOpen,
  };

  const minWidth = view === 'day' ? Math.max(data.columns.length * 11, 20) : 7 * 9;
  const gridColumns = `4rem repeat(${data.columns.length}, minmax(0, 1fr))`;

  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <div style={{ minWidth: `${minWidth + 4}rem` }}>
        <div
          className="sticky top-0 z-20 grid border-b border-slate-200 bg-white"
          style={{ gridTemplateColumns: gridColumns }}
        >
          <div />
          {data.columns.map((col) => (
            <div key={col.key} className="border-l border-slate-200 px-2 py-2">
              <p className="truncate text-sm font-semibold text-slate-900">{columnTitle(col, view)}</p>
              <p className="truncate text-xs text-slate-600">
                {[
                  col.active ? null : 'Deactivated',
                  view === 'day' ? col.specialisations[0] : col.date === data.today ? 'Today' : null,
                  `${col.appointments.length} booked`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              {col.active ? (
                <button
                  type="button"
                  onClick={() => onCreate(target(col, firstWorkingMinute(col)))}
                  className="mt-1 rounded border border-slate-300 px-2 py-0.5 text-xs font-semibold text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-teal-700"
                  aria-label={`Book with ${col.clinicianName} on ${col.date}`}
                >
                  + Book
                </button>
              ) : null}
            </div>
          ))}
        </div>
        <div className="grid" style={{ gridTemplateColumns: gridColumns }}>
          <div className="relative" style={{ height }} aria-hidden="true">
            {Array.from({ length: hours.end - hours.start }, (_, i) => hours.start + i).map((h) => (
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
            <Column
              key={col.key}
              col={col}
              zone={zone}
              gridStart={gridStart(col)}
              height={height}
              handlers={handlers}
              draggingId={drag?.moved && drag.fromColumn.key === col.key ? drag.appointment.id : null}
              ghost={
                drag?.moved && drag.target?.column.key === col.key
                  ? {
                      minutes: drag.target.minutes,
                      durationMinutes: drag.durationMinutes,
                      patientName: drag.appointment.patient.name,
                    }
                  : null
              }
            />
          ))}
        </div>
      </div>
    </div>
  );
}

/**
 * One clinician's (or one day's) column. Memoised: while a card is dragged only the columns it
 * leaves and enters redraw, and opening a dialog redraws none.
 */
const Column = memo(function Column({
  col,
  zone,
  gridStart,
  height,
  handlers,
  draggingId,
  ghost,
}: {
  col: CalendarColumn;
  zone: string;
  /** The instant at the top of the grid, epoch milliseconds. */
  gridStart: number;
  height: number;
  handlers: RefObject<ColumnHandlers | null>;
  /** The card being dragged away from this column, drawn faded. */
  draggingId: string | null;
  /** Where a dragged card would land in this column. */
  ghost: { minutes: number; durationMinutes: number; patientName: string } | null;
}) {
  const y = (d: Date) => ((d.getTime() - gridStart) / 60_000) * PX_PER_MINUTE;
  const on = () => {
    if (!handlers.current) throw new Error('time grid handlers missing');
    return handlers.current;
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: clicking a time is a pointer shortcut; keyboard users have "+ Book"
    // biome-ignore lint/a11y/useKeyWithClickEvents: as above, the column header's "+ Book" button is the keyboard path
    <div
      ref={(el) => on().register(col.key, el)}
      data-testid={`column-${col.clinicianName}-${col.date}`}
      className="relative border-l border-slate-200 bg-slate-100"
      // Columns scrolled out of sight are laid out and painted only when they come into view.
      style={{ height, contentVisibility: 'auto' }}
      onClick={(e) => {
        if (e.target !== e.currentTarget && !(e.target as HTMLElement).dataset.slotBackground) return;
        on().clickEmpty(col, e.clientY);
      }}
    >
      {col.working.map((w) => (
        <div
          key={w.start.toISOString()}
          data-slot-background="1"
          className="absolute inset-x-0 bg-white"
          style={{ top: y(w.start), height: y(w.end) - y(w.start) }}
        />
      ))}
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-0"
        style={{ backgroundImage: HOUR_LINES }}
      />
      {col.blocked.map((b) => (
        <div
          key={b.start.toISOString()}
          className="pointer-events-none absolute inset-x-0 flex items-start justify-center bg-[repeating-linear-gradient(45deg,#e2e8f0,#e2e8f0_6px,#f1f5f9_6px,#f1f5f9_12px)] pt-1 text-xs font-medium text-slate-700"
          style={{ top: y(b.start), height: y(b.end) - y(b.start) }}
        >
          {b.reason}
        </div>
      ))}
      {col.appointments.map((a) => {
        const time = formatLocalTime(a.startsAt, zone);
        const status = APPOINTMENT_STATUS_LABELS[a.status];
        const cardHeight = Math.max(16, y(a.endsAt) - y(a.startsAt) - 2);
        // A short visit has room for one line: the second would show cut in half.
        const oneLine = cardHeight < TWO_LINES_PX;
        return (
          <button
            key={a.id}
            type="button"
            data-testid="appointment-card"
            aria-label={`${time} ${a.patient.name}, ${a.type.name}, ${status}${a.overbooked ? ', overbooked' : ''}${a.offHours ? `, ${a.offHours}` : ''}${a.patientConfirmedAt ? ', confirmed by the patient' : ''}`}
            title={a.offHours ?? undefined}
            onPointerDown={(e) => on().startDrag(e, a, col)}
            onPointerMove={(e) => on().moveDrag(e)}
            onPointerUp={() => on().endDrag(col)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                on().open(a, col);
              }
            }}
            className={cn(
              'absolute left-1 right-1 z-10 flex cursor-grab touch-none flex-col justify-start overflow-hidden rounded-md border border-l-4 bg-white px-1.5 text-left text-xs leading-4 shadow-sm focus-visible:outline-2 focus-visible:outline-teal-700',
              oneLine ? 'py-0' : 'py-0.5',
              a.overbooked ? 'border-red-400 ring-1 ring-red-400' : 'border-slate-300',
              // Outside the clinician's working time (time off added over it): until moved or cancelled.
              a.offHours ? 'border-dashed border-amber-600 bg-amber-50 ring-2 ring-amber-500' : '',
              a.status === 'completed' || a.status === 'no_show' ? 'opacity-70' : '',
              draggingId === a.id ? 'opacity-40' : '',
            )}
            style={{ top: y(a.startsAt), height: cardHeight, borderLeftColor: a.type.colour }}
          >
            <span className="block truncate font-semibold text-slate-900">
              {a.overbooked && oneLine ? '⚠ ' : ''}
              {a.offHours && oneLine ? '⚠ Off · ' : ''}
              {a.patientConfirmedAt ? (
                <span
                  role="img"
                  data-testid="patient-confirmed"
                  title="Confirmed by the patient"
                  aria-label="Confirmed by the patient"
                  className="mr-1 font-bold text-teal-700"
                >
                  ✓
                </span>
              ) : null}
              {time} {a.patient.name}
            </span>
            {oneLine ? null : (
              <span className="block truncate text-slate-700">
                {a.overbooked ? '⚠ Overbooked · ' : ''}
                {status} · {a.type.name}
              </span>
            )}
            {a.offHours && !oneLine ? (
              <span className="block truncate font-medium text-amber-900">⚠ {a.offHours}</span>
            ) : null}
          </button>
        );
      })}
      {ghost ? (
        <div
          aria-hidden="true"
          className="pointer-events-none absolute left-1 right-1 z-30 rounded-md border-2 border-dashed border-teal-700 bg-teal-50/80 px-1.5 text-xs font-semibold text-teal-900"
          style={{ top: ghost.minutes * PX_PER_MINUTE, height: ghost.durationMinutes * PX_PER_MINUTE - 2 }}
        >
          {formatLocalTime(new Date(gridStart + ghost.minutes * 60_000), zone)} {ghost.patientName}
        </div>
      ) : null}
    </div>
  );
});
