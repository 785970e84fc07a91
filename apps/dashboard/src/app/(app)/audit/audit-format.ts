import type { RouterOutputs } from '@carelane/api/client';
import { STAFF_ROLE_LABELS, type StaffRole } from '@carelane/core';

export type AuditEntry = RouterOutputs['audit']['list']['entries'][number];

/** "7 Dec 2026, 2:05:09 pm" in the clinic's zone; seconds, because order matters in a log. */
export function formatWhen(instant: Date | string, zone: string | undefined): string {
  return new Intl.DateTimeFormat('en-IN', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    second: '2-digit',
    timeZone: zone ?? 'UTC',
  }).format(new Date(instant));
}

export function roleLabel(role: StaffRole | null): string | null {
  return role ? STAFF_ROLE_LABELS[role] : null;
}

/** 'birthDate' -> 'Birth date'. */
export function fieldLabel(field: string): string {
  const words = field
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A changed value as text: empty for nothing, lists joined, objects as JSON. */
export function valueText(value: unknown): string {
  if (value === undefined || value === null || value === '') return 'empty';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
    return value.length ? value.join(', ') : 'empty';
  return JSON.stringify(value);
}

/** The log's filters, in the order the page and its export link carry them. */
export const FILTER_KEYS = ['actorId', 'patientId', 'action', 'entity', 'from', 'to'] as const;
