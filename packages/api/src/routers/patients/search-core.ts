import { type PatientSearchTerms, parsePatientSearch } from '@carelane/core';
import { patientNameWords, patients } from '@carelane/db';
import { and, or, type SQL, sql } from 'drizzle-orm';
import type { Tenant } from '../../tenancy';

/**
 * The one patient search every picker and list shares: what the box matches, how well, and the
 * keyset sorts of the list. The indexes behind each part are in migration 0013.
 */

export const PATIENT_SORTS = ['relevance', 'name', 'created', 'lastVisit'] as const;
export type PatientSort = (typeof PATIENT_SORTS)[number];
export type Order = 'asc' | 'desc';

export const nameKey = sql`lower(${patients.firstName} || ' ' || ${patients.lastName})`;
const lastVisitKey = sql`coalesce(${patients.lastVisitAt}, '-infinity'::timestamptz)`;

/** Reads the box; null when it holds nothing to search by. */
export function searchTerms(q: string | undefined): PatientSearchTerms | null {
  return q ? parsePatientSearch(q) : null;
}

/**
 * The start of a record number ("SH-0001"): letters, a dash and digits. Only then is the box read
 * as one, so a name typed as "sh" does not list every "SH-…" patient.
 */
function mrnPrefix(terms: PatientSearchTerms): string | null {
  return /^[a-z]{1,6}-\d+$/i.test(terms.mrn) ? terms.mrn.toUpperCase() : null;
}

/**
 * One typed word is close to a word of the name: the typo is matched by trigrams against the
 * organization's distinct name words (small), and the words found are looked up exactly in the
 * patients' name-word index (migration 0018). Prefixes match too ("arj" finds "arjun").
 */
function nameWordMatch(tenant: Tenant, word: string): SQL {
  return sql`carelane_name_keys(${patients.organizationId}, ${patients.firstName}, ${patients.lastName}) && (
    select coalesce(array_agg(${tenant.organizationId}::text || ':' || ${patientNameWords.word}), '{}')
    from ${patientNameWords}
    where ${tenant.owns(patientNameWords)} and ${word} <% ${patientNameWords.word})`;
}

/** Rows the box matches, as an OR of index-backed conditions (each reading of what was typed). */
export function matchCondition(tenant: Tenant, terms: PatientSearchTerms): SQL {
  const readings: SQL[] = [sql`${patients.mrn} in (${terms.mrn}, ${terms.mrn.toUpperCase()})`];
  const mrnStart = mrnPrefix(terms);
  if (mrnStart) readings.push(prefixRange(sql`${patients.mrn}`, mrnStart));
  if (terms.name) {
    // Every typed word must be close to a word of the name: "meera sharam" is a Meera Sharma,
    // not every Meera and every Sharma.
    const words = nameWords(terms.name);
    readings.push(and(...words.map((w) => nameWordMatch(tenant, w))) as SQL);
  }
  if (terms.phoneSuffix) readings.push(prefixRange(sql`reverse(${patients.phone})`, reverse(terms.phoneSuffix)));
  if (terms.emailPrefix) readings.push(prefixRange(sql`lower(${patients.email})`, terms.emailPrefix));
  return or(...readings) as SQL;
}

/** The words of what was typed, split as carelane_name_words splits names. */
function nameWords(name: string): string[] {
  const words = name.split(/[\s\p{P}\p{S}]+/u).filter(Boolean);
  return words.length > 0 ? words : [name];
}

/** How well a row matches: an exact record number or a phone or email match beats any name. */
export function relevance(terms: PatientSearchTerms): SQL<number> {
  const name = terms.name ? sql`word_similarity(${terms.name}, ${nameKey})` : sql`0`;
  const exact: SQL[] = [sql`case when ${patients.mrn} in (${terms.mrn}, ${terms.mrn.toUpperCase()}) then 3 else 0 end`];
  const mrnStart = mrnPrefix(terms);
  if (mrnStart) exact.push(sql`case when ${prefixRange(sql`${patients.mrn}`, mrnStart)} then 1 else 0 end`);
  if (terms.phoneSuffix) {
    exact.push(
      sql`case when ${prefixRange(sql`reverse(${patients.phone})`, reverse(terms.phoneSuffix))} then 2 else 0 end`,
    );
  }
  if (terms.emailPrefix) {
    exact.push(sql`case when ${prefixRange(sql`lower(${patients.email})`, terms.emailPrefix)} then 2 else 0 end`);
  }
  return sql<number>`greatest(${sql.join([...exact, name], sql`, `)})::real`;
}

/**
 * `expr` starts with `prefix`, written as a range so a text_pattern_ops index serves it even
 * in a generic prepared plan (a LIKE with a bound pattern would not).
 */
function prefixRange(expr: SQL, prefix: string): SQL {
  const last = prefix.charCodeAt(prefix.length - 1);
  const upper = prefix.slice(0, -1) + String.fromCharCode(last + 1);
  return sql`(${expr} ~>=~ ${prefix} and ${expr} ~<~ ${upper})`;
}

function reverse(text: string): string {
  return [...text].reverse().join('');
}

/** The sort key of a list, and the SQL type its cursor value is read back as. */
export function sortKey(sort: PatientSort, terms: PatientSearchTerms | null): { key: SQL; type: SQL } {
  switch (sort) {
    case 'relevance':
      if (!terms) throw new Error('relevance needs search terms');
      return { key: relevance(terms), type: sql`real` };
    case 'name':
      return { key: nameKey, type: sql`text` };
    case 'created':
      return { key: sql`${patients.createdAt}`, type: sql`timestamptz` };
    case 'lastVisit':
      return { key: lastVisitKey, type: sql`timestamptz` };
  }
}

/** The order a list is in: relevance with a search, else by name; name ascends, the rest descend. */
export function listOrder(input: {
  q?: string | undefined;
  sort?: PatientSort | undefined;
  order?: Order | undefined;
}) {
  const sort: PatientSort = input.sort ?? (input.q ? 'relevance' : 'name');
  const order: Order = input.order ?? (sort === 'name' ? 'asc' : 'desc');
  return { sort, order };
}

/** A position in a list: the sort, its order, the last row's key (as Postgres prints it) and id. */
export type Cursor = { sort: PatientSort; order: Order; key: string; id: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.order, cursor.key, cursor.id])).toString('base64url');
}

export function decodeCursor(text: string): Cursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 4) return null;
    const [sort, order, key, id] = value as unknown[];
    if (!PATIENT_SORTS.includes(sort as PatientSort)) return null;
    if (order !== 'asc' && order !== 'desc') return null;
    if (typeof key !== 'string' || typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id)) return null;
    return { sort: sort as PatientSort, order, key, id };
  } catch {
    return null;
  }
}

/** Rows after the cursor, in (key, id) order, so pages never repeat or skip a row. */
export function afterCursor(key: SQL, id: SQL, type: SQL, cursor: Cursor): SQL {
  const op = cursor.order === 'asc' ? sql`>` : sql`<`;
  return sql`(${key}, ${id}) ${op} (cast(${cursor.key} as ${type}), ${cursor.id}::uuid)`;
}

/** Live records of the organization: merged records are never listed. */
export function livePatients(tenant: Tenant, archived: boolean): SQL {
  return tenant.where(
    patients,
    sql`${patients.mergedIntoId} is null`,
    archived ? sql`${patients.archivedAt} is not null` : sql`${patients.archivedAt} is null`,
  );
}
