import { addLocalDays, localDate } from '@carelane/core';
import { z } from 'zod';
import { indiaTime } from '../fixtures';

/** The part of JSON Schema that zod 4 writes for our inputs. */
export type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
};

/** A procedure's input schema as JSON Schema; null when it takes no input. */
export function inputSchema(inputs: unknown[]): JsonSchema | null {
  const [input] = inputs;
  if (!input) return null;
  return z.toJSONSchema(input as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

const options = (schema: JsonSchema) => schema.anyOf ?? schema.oneOf;

/** True when some field of the schema, however deep, is a UUID. */
export function hasUuid(schema: JsonSchema): boolean {
  if (schema.format === 'uuid') return true;
  if (schema.items && hasUuid(schema.items)) return true;
  if (Object.values(schema.properties ?? {}).some(hasUuid)) return true;
  return options(schema)?.some(hasUuid) ?? false;
}

/** Strings tried against a field's pattern, in turn: times, colours, codes, slugs, phones. */
const PATTERN_SAMPLES = ['10:00', '#2563eb', '123456', 'sweep', '+919812345678', 'Sweep Test'];

/** Picks the id for a UUID field: `field` is the nearest property name (an array's for its items). */
export type IdPicker = (field: string) => string;

/**
 * A valid value for `schema`: required properties plus every one that holds an id, the first
 * option of a union and of an enum, numbers at their smallest useful value, dates a week ahead.
 * Throws for a field it cannot make (add an override).
 */
export function generate(schema: JsonSchema, pickId: IdPicker, field = ''): unknown {
  const union = options(schema);
  if (union?.[0]) return generate(union[0], pickId, field);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'object': {
      const required = new Set(schema.required ?? []);
      const value: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        if (required.has(name) || hasUuid(property)) value[name] = generate(property, pickId, name);
      }
      return value;
    }
    case 'array': {
      const count = Math.max(schema.minItems ?? 0, schema.items && hasUuid(schema.items) ? 1 : 0);
      return Array.from({ length: count }, () => generate(schema.items ?? {}, pickId, field));
    }
    case 'string':
      return stringFor(schema, pickId, field);
    case 'integer':
    case 'number': {
      const least = schema.minimum ?? (schema.exclusiveMinimum ?? -1) + 1;
      return Math.min(Math.max(least, 1), schema.maximum ?? Number.MAX_SAFE_INTEGER);
    }
    case 'boolean':
      return true;
    case undefined:
      // Unrepresentable in JSON Schema: in our inputs, the instants (z.coerce.date()).
      if (field.endsWith('At')) return indiaTime(7, field.startsWith('end') ? 11 : 10);
      throw new Error(`cannot generate field '${field}'`);
    default:
      throw new Error(`cannot generate field '${field}' of type ${schema.type}`);
  }
}

function stringFor(schema: JsonSchema, pickId: IdPicker, field: string): string {
  if (schema.format === 'uuid') return pickId(field);
  if (schema.format === 'date') return addLocalDays(localDate(new Date(), 'Asia/Kolkata'), 7);
  if (schema.format === 'date-time') return indiaTime(7, 10).toISOString();
  if (schema.format === 'email') return 'sweep@example.com';
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern);
    const sample = PATTERN_SAMPLES.find((s) => pattern.test(s));
    if (!sample) throw new Error(`no sample matches the pattern of field '${field}': ${schema.pattern}`);
    return sample;
  }
  const text = 'Sweep test value'.padEnd(schema.minLength ?? 0, '.');
  return text.slice(0, schema.maxLength ?? text.length);
}
