import { IMPORT_FIELD_NAMES, type ImportField } from '@carelane/core';
import { z } from 'zod';

export const importIdInput = z.object({ id: z.uuid('Not an import id') });
export type ImportIdInput = z.infer<typeof importIdInput>;

const column = z.number().int('Choose a column').min(0, 'Choose a column').max(500, 'Choose a column');

/** Field -> column index; a field left out is not imported. */
export const mappingSchema = z
  .partialRecord(z.enum(IMPORT_FIELD_NAMES as [ImportField, ...ImportField[]]), column)
  .refine((m) => new Set(Object.values(m)).size === Object.values(m).length, 'Each column can fill one field only');

export const dryRunInput = z.object({ id: z.uuid('Not an import id'), mapping: mappingSchema });
export type DryRunInput = z.infer<typeof dryRunInput>;
