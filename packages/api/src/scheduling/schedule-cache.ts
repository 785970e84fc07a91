import { localDayBounds } from '@carelane/core';
import type { Database } from '@carelane/db';
import { LRUCache } from 'lru-cache';
import type { Context } from '../context';
import { type FactsRequest, loadScheduleFacts, type ScheduleFacts } from './schedule-facts';

/** The channel migration 0007 notifies on, with payloads 'c:<clinician id>' or 'o:<organization id>'. */
export const SCHEDULE_CHANNEL = 'carelane_schedule';

/** `todayEnds`: for a search from "today", the end of the local day it was read on. */
type Entry = { facts: ScheduleFacts; stamp: string; todayEnds: number };

/**
 * Keeps recently read schedules (what `loadScheduleFacts` returns) in memory, so the public slot
 * search answers from memory while nothing changes. Database triggers announce every change on
 * SCHEDULE_CHANNEL after commit; each announcement bumps a generation for that clinician or
 * organization, and an entry is used only while the generations it was read under still stand.
 * A read that began before a change is therefore never served after the change is heard.
 *
 * Only what patients browse goes through here. Whether a booking is still free is always read
 * fresh, inside its transaction, and the exclusion constraint has the last word.
 */
export class ScheduleCache {
  private readonly entries = new LRUCache<string, Entry>({ max: 5_000, ttl: 60_000 });
  private readonly inflight = new Map<string, Promise<ScheduleFacts>>();
  private readonly generations = new Map<string, number>();
  /** Bumped whenever the listening connection (re)connects: anything may have changed unheard. */
  private epoch = 0;
  private listening = false;
  private unlisten: (() => Promise<void>) | null = null;
  private retry: NodeJS.Timeout | null = null;
  private closed = false;
  /** Answers from memory and reads from the database, for tests and diagnostics. */
  readonly stats = { hits: 0, reads: 0 };

  constructor(private readonly db: Database) {}

  /** Starts listening; until the first LISTEN succeeds every read goes to the database. */
  async start(): Promise<this> {
    try {
      const subscription = await this.db.$client.listen(
        SCHEDULE_CHANNEL,
        (payload) => this.changed(payload),
        () => {
          this.epoch++;
          this.listening = true;
        },
      );
      this.unlisten = subscription.unlisten;
    } catch (err) {
      // The database may still be starting; the slot search works meanwhile, only uncached.
      console.error('schedule cache: LISTEN failed, retrying in 5 s', err instanceof Error ? err.name : 'unknown');
      if (!this.closed) {
        this.retry = setTimeout(() => void this.start(), 5_000);
        this.retry.unref();
      }
    }
    return this;
  }

  async close() {
    this.closed = true;
    this.listening = false;
    if (this.retry) clearTimeout(this.retry);
    await this.unlisten?.();
  }

  /** A change was committed: forget what was read for that clinician or organization. */
  changed(scope: string) {
    this.generations.set(scope, (this.generations.get(scope) ?? 0) + 1);
  }

  /** Everything that must be unchanged for an entry to stand, as one comparable string. */
  private stampFor(request: FactsRequest) {
    const clinician = this.generations.get(`c:${request.clinicianId}`) ?? 0;
    const organization = this.generations.get(`o:${request.organizationId}`) ?? 0;
    return `${this.epoch}:${clinician}:${organization}`;
  }

  async facts(request: FactsRequest): Promise<ScheduleFacts> {
    // Searches around an instant or ignoring an appointment belong to bookings: always fresh.
    if (!this.listening || request.at || request.ignoreAppointmentId) {
      this.stats.reads++;
      return loadScheduleFacts(this.db, request);
    }
    const key = [request.organizationId, request.clinicianId, request.typeId, request.from ?? '', request.days].join(
      '|',
    );
    const stamp = this.stampFor(request);
    const entry = this.entries.get(key);
    // "Today" moves at the centre's midnight: an entry read for yesterday's today is stale.
    if (entry?.stamp === stamp && (request.from || request.now.getTime() < entry.todayEnds)) {
      this.stats.hits++;
      return entry.facts;
    }
    // Concurrent misses under the same stamp share one read.
    const flightKey = `${key}|${stamp}`;
    const pending = this.inflight.get(flightKey);
    if (pending) {
      this.stats.hits++;
      return pending;
    }
    this.stats.reads++;
    const load = loadScheduleFacts(this.db, request)
      .then((facts) => {
        const todayEnds = localDayBounds(facts.from, facts.zone).end.getTime();
        if (stamp === this.stampFor(request)) this.entries.set(key, { facts, stamp, todayEnds });
        return facts;
      })
      .finally(() => this.inflight.delete(flightKey));
    this.inflight.set(flightKey, load);
    return load;
  }
}

/** A schedule from the process's cache when it has one, else straight from the database. */
export function readScheduleFacts(ctx: Pick<Context, 'db' | 'scheduleCache'>, request: FactsRequest) {
  return ctx.scheduleCache ? ctx.scheduleCache.facts(request) : loadScheduleFacts(ctx.db, request);
}
