import { SEXES, type Sex } from '@carelane/core';

export const SORTS = ['relevance', 'name', 'created', 'lastVisit'] as const;
export type Sort = (typeof SORTS)[number];
export type Order = 'asc' | 'desc';

/** What the list shows, read from the page's query string so a link or a reload keeps it. */
export type PatientFilters = {
  q?: string;
  tags?: string[];
  sex?: Sex;
  ageMin?: number;
  ageMax?: number;
  lastVisitFrom?: string;
  lastVisitTo?: string;
  hasUpcoming?: boolean;
  healthPlan?: string;
  centreId?: string;
  clinicianId?: string;
  status: 'active' | 'archived';
  sort: Sort;
  order: Order;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function age(value: string | null): number | undefined {
  if (!value || !/^\d{1,3}$/.test(value)) return undefined;
  const n = Number(value);
  return n <= 130 ? n : undefined;
}

const text = (value: string | null) => value?.trim() || undefined;
const day = (value: string | null) => (value && DATE.test(value) ? value : undefined);

/** Unknown or malformed values are dropped rather than sent, so a hand-edited link still works. */
export function readFilters(params: URLSearchParams): PatientFilters {
  const q = text(params.get('q'));
  const sex = params.get('sex');
  const sort = params.get('sort');
  const tags = (params.get('tags') ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  return {
    q,
    tags: tags.length ? tags : undefined,
    sex: SEXES.includes(sex as Sex) ? (sex as Sex) : undefined,
    ageMin: age(params.get('ageMin')),
    ageMax: age(params.get('ageMax')),
    lastVisitFrom: day(params.get('lastVisitFrom')),
    lastVisitTo: day(params.get('lastVisitTo')),
    hasUpcoming: params.get('upcoming') === 'yes' ? true : params.get('upcoming') === 'no' ? false : undefined,
    healthPlan: text(params.get('plan')),
    centreId: text(params.get('centre')),
    clinicianId: text(params.get('clinician')),
    status: params.get('status') === 'archived' ? 'archived' : 'active',
    // Relevance only means something while searching; otherwise the default is by name.
    sort: SORTS.includes(sort as Sort) && (sort !== 'relevance' || q) ? (sort as Sort) : q ? 'relevance' : 'name',
    order: params.get('dir') === 'desc' ? 'desc' : params.get('dir') === 'asc' ? 'asc' : defaultOrder(sort),
  };
}

/** Names A to Z; dates newest first. */
export function defaultOrder(sort: string | null): Order {
  return sort === 'created' || sort === 'lastVisit' || sort === 'relevance' ? 'desc' : 'asc';
}

/** The query-string keys each filter chip clears. */
export const FILTER_KEYS = {
  tags: ['tags'],
  sex: ['sex'],
  age: ['ageMin', 'ageMax'],
  lastVisit: ['lastVisitFrom', 'lastVisitTo'],
  upcoming: ['upcoming'],
  plan: ['plan'],
  centre: ['centre'],
  clinician: ['clinician'],
  status: ['status'],
} as const;
export type FilterKey = keyof typeof FILTER_KEYS;

/** The filters as the export link carries them: the same names the list procedure takes. */
export function exportQuery(filters: PatientFilters, format: 'csv' | 'xlsx'): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined) continue;
    q.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  q.set('format', format);
  return q.toString();
}

/** How many filters (not the search or the order) narrow the list. */
export function activeFilterCount(filters: PatientFilters): number {
  return [
    filters.tags,
    filters.sex,
    filters.ageMin ?? filters.ageMax,
    filters.lastVisitFrom ?? filters.lastVisitTo,
    filters.hasUpcoming,
    filters.healthPlan,
    filters.centreId,
    filters.clinicianId,
    filters.status === 'archived' ? true : undefined,
  ].filter((v) => v !== undefined).length;
}

/** Every filter removed; the search and the order stay. */
export function clearedFilters(): Record<string, undefined> {
  return Object.fromEntries(Object.values(FILTER_KEYS).flatMap((keys) => keys.map((k) => [k, undefined])));
}
