type Detail = { field: string; message: string };

/** The `{ field, message }` list the API attaches to BAD_REQUEST (empty for other failures). */
export function detailsOf(error: unknown): Detail[] {
  return (error as { data?: { details?: Detail[] } } | null | undefined)?.data?.details ?? [];
}

/** The first message for each field of a failed mutation, by field name. */
export function fieldErrors(error: unknown): Record<string, string> {
  const found: Record<string, string> = {};
  for (const d of detailsOf(error)) found[d.field] ??= d.message;
  return found;
}

/**
 * The server's messages on bad input: those about a form field (an update may nest the fields
 * under `values`), and the rest apart, since no field can show them.
 */
export function serverErrors<K extends string>(
  error: { data?: unknown },
  isField: (field: string) => field is K,
): { fields: Partial<Record<K, string>>; other: string[] } {
  const fields: Partial<Record<K, string>> = {};
  const other: string[] = [];
  for (const d of detailsOf(error)) {
    const field = d.field.replace(/^values\./, '');
    if (isField(field)) fields[field] ??= d.message;
    else other.push(d.message);
  }
  return { fields, other };
}
