type Detail = { field: string; message: string };

/** The `{ field, message }` list the API attaches to BAD_REQUEST (empty for other failures). */
export function detailsOf(error: { data?: unknown } | null | undefined): Detail[] {
  return (error?.data as { details?: Detail[] } | undefined)?.details ?? [];
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
