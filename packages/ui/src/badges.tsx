import { APPOINTMENT_STATUS_LABELS, type AppointmentStatus, initials } from '@carelane/core';
import type { ReactNode } from 'react';
import { cn } from './cn';

const STATUS_STYLES: Record<AppointmentStatus, string> = {
  pending: 'bg-amber-100 text-amber-900 ring-amber-300',
  confirmed: 'bg-sky-100 text-sky-900 ring-sky-300',
  checked_in: 'bg-violet-100 text-violet-900 ring-violet-300',
  completed: 'bg-emerald-100 text-emerald-900 ring-emerald-300',
  cancelled: 'bg-slate-100 text-slate-700 ring-slate-300 line-through',
  no_show: 'bg-red-100 text-red-900 ring-red-300',
};

/** A state as a coloured pill with its word, so colour is never the only signal; `tone` gives the colours. */
export function Pill({ tone, children }: { tone: string; children: ReactNode }) {
  return (
    <span
      className={cn(
        'inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset',
        tone,
      )}
    >
      {children}
    </span>
  );
}

export function StatusBadge({ status }: { status: AppointmentStatus }) {
  return <Pill tone={STATUS_STYLES[status]}>{APPOINTMENT_STATUS_LABELS[status]}</Pill>;
}

const BADGE_TONES = {
  neutral: 'bg-slate-100 text-slate-800',
  brand: 'bg-teal-50 text-teal-900',
  success: 'bg-emerald-100 text-emerald-900',
} as const;

export function Badge({ children, tone = 'neutral' }: { children: ReactNode; tone?: keyof typeof BADGE_TONES }) {
  return (
    <span className={cn('inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium', BADGE_TONES[tone])}>
      {children}
    </span>
  );
}

/** A photo when there is one, else initials on a colour derived from the name. */
export function Avatar({ name, photoUrl, size = 48 }: { name: string; photoUrl?: string | null; size?: number }) {
  const hues = ['bg-teal-700', 'bg-sky-700', 'bg-indigo-700', 'bg-rose-700', 'bg-amber-700', 'bg-emerald-700'];
  const hue = hues[[...name].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) % hues.length];
  if (photoUrl) {
    return <img src={photoUrl} alt="" width={size} height={size} className="rounded-full object-cover" />;
  }
  return (
    <span
      aria-hidden="true"
      style={{ width: size, height: size }}
      className={cn('inline-flex shrink-0 items-center justify-center rounded-full font-semibold text-white', hue)}
    >
      {initials(name)}
    </span>
  );
}
