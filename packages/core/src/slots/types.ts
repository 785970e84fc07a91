import type { ConsultationMode } from '../constants';

/** A calendar date, 'YYYY-MM-DD'. */
export type LocalDate = string;

/** A wall-clock time, 'HH:MM' or 'HH:MM:SS' (Postgres `time`); '24:00' is allowed as an end of day. */
export type WallTime = string;

/** Epoch milliseconds, half-open: [start, end). */
export type Interval = { start: number; end: number };

/** Recurring weekly working hours of one clinician at one centre. */
export type WeeklyRule = {
  /** ISO weekday: 1 = Monday ... 7 = Sunday. */
  weekday: number;
  /**
   * Local wall-clock times in `zone`, end > start (no overnight rules); they stay local on DST days.
   * Each reads as the first moment the clock shows that time or later: in the repeated hour its first
   * occurrence, in the skipped hour the moment the clock jumps (see `wallClockInstant`).
   */
  start: WallTime;
  end: WallTime;
  /** Inclusive local dates; `validTo` null = open-ended. */
  validFrom: LocalDate;
  validTo: LocalDate | null;
  /** IANA zone of the centre. */
  zone: string;
  /** No mode = the hours serve either mode. */
  mode?: ConsultationMode;
};

/** time_off and closure remove time; extra_hours add working time (time off wins over extra hours). */
export type AvailabilityException = { kind: 'time_off' | 'extra_hours' | 'closure'; start: number; end: number };

/** An existing appointment or hold; it blocks [start − bufferBefore, end + bufferAfter). */
export type BusyBlock = { start: number; end: number; bufferBeforeMinutes: number; bufferAfterMinutes: number };

export type SlotQuery = {
  /** Zone used to group slots by local date (and to read `from` / `to`). */
  zone: string;
  rules: WeeklyRule[];
  exceptions: AvailabilityException[];
  /** Existing appointments and holds, each widened by its own buffers. */
  busy: BusyBlock[];
  durationMinutes: number;
  /** Buffers of the type being booked: the new slot widened by these must not overlap a widened busy block. */
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  /** Step between candidate starts, counted from the start of each working range. */
  intervalMinutes: number;
  /** Nothing starts before now + notice. */
  minimumNoticeMinutes: number;
  /** Nothing starts after now + horizonDays × 24 h. */
  horizonDays: number;
  /** Epoch ms; the engine never reads the clock itself. */
  now: number;
  /** Optional inclusive local-date window in `zone`; the result is the full result restricted to these dates. */
  from?: LocalDate;
  to?: LocalDate;
  /** When set, only rules with this mode (or no mode) count. */
  mode?: ConsultationMode;
};

export type DaySlots = { date: LocalDate; slots: Interval[] };

export type ClinicianSlots = { clinicianId: string; days: DaySlots[] };

/** A slot offered by several clinicians, listed in the order they were passed in. */
export type AggregatedSlot = Interval & { clinicianIds: string[] };

export type AggregatedDay = { date: LocalDate; slots: AggregatedSlot[] };
