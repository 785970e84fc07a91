/** Reminder offsets as people say them: 1440 minutes is "1 day before". */
export const OFFSET_UNITS = [
  { value: 'minutes', label: 'minutes', minutes: 1 },
  { value: 'hours', label: 'hours', minutes: 60 },
  { value: 'days', label: 'days', minutes: 1440 },
] as const;
export type OffsetUnit = (typeof OFFSET_UNITS)[number]['value'];

export function offsetLabel(minutes: number): string {
  const unit = [...OFFSET_UNITS].reverse().find((u) => minutes % u.minutes === 0) ?? OFFSET_UNITS[0];
  const count = minutes / unit.minutes;
  const name = count === 1 ? unit.label.slice(0, -1) : unit.label;
  return `${count} ${name} before`;
}

export function offsetMinutes(count: number, unit: OffsetUnit): number {
  const found = OFFSET_UNITS.find((u) => u.value === unit) ?? OFFSET_UNITS[0];
  return count * found.minutes;
}

export const CHANNEL_LABELS = { whatsapp: 'WhatsApp', sms: 'SMS', email: 'Email' } as const;

/** A copy of `list` with the item at `index` moved one place up (-1) or down (+1). */
export function moved<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const next = [...list];
  const target = index + by;
  const item = next[index];
  const other = next[target];
  if (item === undefined || other === undefined) return next;
  next[index] = other;
  next[target] = item;
  return next;
}
