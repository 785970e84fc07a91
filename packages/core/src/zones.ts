/** Zone names as IANA spells them: "Asia/Kolkata", "America/Argentina/Buenos_Aires", "UTC". No offsets. */
const ZONE_SHAPE = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/;

let known: readonly string[] | null = null;

/** The IANA zones this runtime knows, for pickers. UTC is added since some runtimes list it apart. */
export function knownZones(): readonly string[] {
  known ??= [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone')])].sort();
  return known;
}

/**
 * The zone name to store for what someone typed, or null when it is not an IANA zone.
 * Case is fixed from the runtime's list ("europe/london" -> "Europe/London"); a name the runtime
 * accepts but does not list (an alias such as "Asia/Kolkata" where ICU lists "Asia/Calcutta")
 * is kept as typed, since rewriting it to ICU's spelling would surprise the clinic.
 */
export function ianaZone(input: string): string | null {
  const name = input.trim();
  if (!ZONE_SHAPE.test(name)) return null;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
  } catch {
    return null;
  }
  const lower = name.toLowerCase();
  return knownZones().find((z) => z.toLowerCase() === lower) ?? name;
}
