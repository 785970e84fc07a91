import superjson from 'superjson';

/** A JSON value: what `JSON.parse(JSON.stringify(v))` gives back unchanged (finite numbers). */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const plain = new WeakSet<object>();

/**
 * Marks a procedure's result as plain JSON, so the transformer sends it as it is instead of
 * walking it for Dates, Maps and undefined. The type admits JSON values only: a Date or an
 * optional (possibly undefined) field does not compile. For hot, large answers (free times).
 */
export function plainJson<T extends Json & object>(value: T): T {
  plain.add(value);
  return value;
}

/**
 * superjson, except that results marked with `plainJson` skip its walk: `{ json }` without meta
 * is what superjson itself produces for plain values, so clients deserialize it unchanged.
 */
export const transformer = {
  input: superjson,
  output: {
    serialize: (value: unknown) =>
      typeof value === 'object' && value !== null && plain.has(value) ? { json: value } : superjson.serialize(value),
    deserialize: superjson.deserialize,
  },
};
