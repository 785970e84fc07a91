import { randomUUID } from 'node:crypto';
import { generate, type IdPicker, type JsonSchema } from './generate';
import { type IdsByKind, type Kind, kindOf } from './kinds';
import { FOREIGN_IDENTIFIERS, OVERRIDES } from './overrides';
import type { Clinic } from './world';

/** One input B sends, the fields in it that hold A's ids, and the same input naming no rows there. */
export type SweepInput = { label: string; input: unknown; foreign: string[]; asMissing: () => unknown };

/** Which id goes into the `index`th id field of an input (the `nth` of its kind in the input). */
type Choose = (index: number, kind: Kind, nth: number) => string;

function withoutProperties(schema: JsonSchema, names: string[]): JsonSchema {
  const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).filter(([n]) => !names.includes(n)));
  return { ...schema, properties, required: (schema.required ?? []).filter((n) => !names.includes(n)) };
}

function nthOf(ids: IdsByKind, kind: Kind, nth: number): string {
  const list = ids[kind];
  const id = list[nth % list.length];
  if (!id) throw new Error(`the sweep's clinics have no ${kind} rows`);
  return id;
}

/**
 * The inputs B sends to a procedure: every id A's (distinct rows where one input names several of
 * a kind), then, where the input names more than one row, each id alone A's and the others B's own,
 * so that a handler checking only some of its ids is caught.
 */
export function inputsFor(path: string, schema: JsonSchema | null, a: Clinic, idsOfA: IdsByKind, idsOfB: IdsByKind) {
  if (!schema) return [{ label: 'no input', input: undefined, foreign: [], asMissing: () => undefined }];
  const build = (choose: Choose) => {
    const fields: string[] = [];
    const used = new Map<Kind, number>();
    const pick: IdPicker = (field) => {
      const kind = kindOf(path, field);
      if (!kind) throw new Error(`which row does '${field}' name? Add it to test/sweep/kinds.ts`);
      const nth = used.get(kind) ?? 0;
      used.set(kind, nth + 1);
      const id = choose(fields.length, kind, nth);
      fields.push(field);
      return id;
    };
    const given = OVERRIDES[path]?.(pick) ?? {};
    const generated = generate(withoutProperties(schema, Object.keys(given)), pick) as object;
    return { input: { ...generated, ...given, ...FOREIGN_IDENTIFIERS[path]?.(a) }, fields };
  };
  /** A's ids where `isA(index)`, B's elsewhere; ids that name no row instead of A's when `missing`. */
  const variant = (isA: (index: number) => boolean, missing: boolean): Choose => {
    return (index, kind, nth) => {
      if (!isA(index)) return nthOf(idsOfB, kind, nth);
      return missing ? randomUUID() : nthOf(idsOfA, kind, nth);
    };
  };

  const all = build(variant(() => true, false));
  const inputs: SweepInput[] = [
    {
      label: all.fields.length > 0 || path in FOREIGN_IDENTIFIERS ? "A's ids" : 'no ids',
      input: all.input,
      foreign: all.fields,
      asMissing: () => build(variant(() => true, true)).input,
    },
  ];
  if (all.fields.length > 1) {
    all.fields.forEach((field, at) => {
      inputs.push({
        label: `only ${field} A's`,
        input: build(variant((index) => index === at, false)).input,
        foreign: [field],
        asMissing: () => build(variant((index) => index === at, true)).input,
      });
    });
  }
  return inputs;
}
