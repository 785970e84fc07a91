import type { RouterInputs, RouterOutputs } from '@carelane/api/client';
import { minorDigits, minorToText, textToMinor } from '@carelane/core';

export type AppointmentTypeRow = RouterOutputs['appointmentTypes']['all'][number];
export type AppointmentTypeValues = RouterInputs['appointmentTypes']['create'];

export const MODE_LABELS: Record<AppointmentTypeRow['mode'], string> = {
  in_person: 'In person',
  online: 'Online (video)',
};

export const POLICY_LABELS: Record<AppointmentTypeRow['lateCancellationPolicy'], string> = {
  flag: 'Allowed, flagged as late',
  refuse: 'Refused online (patient calls the clinic)',
};

/** Whole-number fields of the form, with the unit their label names. */
export const WHOLE_FIELDS = {
  durationMinutes: 'minutes',
  bufferBeforeMinutes: 'minutes',
  bufferAfterMinutes: 'minutes',
  minimumNoticeMinutes: 'minutes',
  bookingHorizonDays: 'days',
  slotIntervalMinutes: 'minutes',
  lateCancellationHours: 'hours',
} as const;
type WholeField = keyof typeof WHOLE_FIELDS;

/** Money fields: the form takes the currency's main unit (rupees), the API stores minor units (paise). */
export const MONEY_FIELDS = {
  priceMinor: 'price',
  depositMinor: 'deposit',
  lateCancellationFeeMinor: 'fee',
  noShowFeeMinor: 'fee',
} as const;
type MoneyField = keyof typeof MONEY_FIELDS;

/** What the form holds: numbers as typed (strings), so a half-typed value is never lost. */
export type FormState = {
  name: string;
  specialisation: string;
  colour: string;
  mode: AppointmentTypeRow['mode'];
  onlineBookable: boolean;
  requiresPrepayment: boolean;
  lateCancellationPolicy: AppointmentTypeRow['lateCancellationPolicy'];
} & Record<WholeField | MoneyField, string>;

/** What each field is called on the form, for its label and for the message at the top. */
export const FIELD_LABELS: Record<keyof FormState, string> = {
  name: 'Name',
  specialisation: 'Specialisation',
  colour: 'Colour on the calendar',
  mode: 'Mode',
  onlineBookable: 'Patients can book this online',
  requiresPrepayment: 'Requires prepayment',
  lateCancellationPolicy: 'Late cancellations and moves',
  durationMinutes: 'Length (minutes)',
  slotIntervalMinutes: 'Slot interval (minutes)',
  bufferBeforeMinutes: 'Buffer before (minutes)',
  bufferAfterMinutes: 'Buffer after (minutes)',
  minimumNoticeMinutes: 'Minimum notice (minutes)',
  bookingHorizonDays: 'Booking horizon (days)',
  lateCancellationHours: 'Late-cancellation window (hours)',
  priceMinor: 'Price',
  depositMinor: 'Deposit',
  lateCancellationFeeMinor: 'Late-cancellation fee',
  noShowFeeMinor: 'No-show fee',
};

/** The message at the top of the form after a failed save: which fields to look at, by their labels. */
export function checkFieldsMessage(errors: FieldErrors): string {
  const labels = (Object.keys(FIELD_LABELS) as (keyof FormState)[])
    .filter((field) => errors[field])
    .map((field) => FIELD_LABELS[field]);
  return labels.length ? `Check the highlighted fields: ${labels.join(', ')}.` : 'Check the highlighted fields.';
}

/** "₹" for INR, "$" for USD: how the money fields' labels show the currency. */
export function currencySymbol(currency: string): string {
  const parts = new Intl.NumberFormat('en-IN', { style: 'currency', currency }).formatToParts(0);
  return parts.find((p) => p.type === 'currency')?.value ?? currency;
}

export const NEW_TYPE: FormState = {
  name: '',
  specialisation: '',
  durationMinutes: '30',
  priceMinor: '',
  colour: '#0f766e',
  bufferBeforeMinutes: '0',
  bufferAfterMinutes: '0',
  mode: 'in_person',
  onlineBookable: true,
  requiresPrepayment: false,
  depositMinor: '0',
  minimumNoticeMinutes: '120',
  bookingHorizonDays: '60',
  slotIntervalMinutes: '15',
  lateCancellationHours: '24',
  lateCancellationPolicy: 'flag',
  lateCancellationFeeMinor: '0',
  noShowFeeMinor: '0',
};

export function toFormState(row: AppointmentTypeRow): FormState {
  return {
    name: row.name,
    specialisation: row.specialisation ?? '',
    colour: row.colour,
    mode: row.mode,
    onlineBookable: row.onlineBookable,
    requiresPrepayment: row.requiresPrepayment,
    lateCancellationPolicy: row.lateCancellationPolicy,
    durationMinutes: String(row.durationMinutes),
    bufferBeforeMinutes: String(row.bufferBeforeMinutes),
    bufferAfterMinutes: String(row.bufferAfterMinutes),
    minimumNoticeMinutes: String(row.minimumNoticeMinutes),
    bookingHorizonDays: String(row.bookingHorizonDays),
    slotIntervalMinutes: String(row.slotIntervalMinutes),
    lateCancellationHours: String(row.lateCancellationHours),
    priceMinor: minorToText(row.priceMinor, row.currency),
    depositMinor: minorToText(row.depositMinor, row.currency),
    lateCancellationFeeMinor: minorToText(row.lateCancellationFeeMinor, row.currency),
    noShowFeeMinor: minorToText(row.noShowFeeMinor, row.currency),
  };
}

export type FieldErrors = Partial<Record<keyof FormState, string>>;

/**
 * Turns what was typed into API values. Only checks what the API cannot see (a number that is
 * not a number); limits are the server's to judge, and its messages show beside the fields.
 */
export function toValues(
  form: FormState,
  currency: string,
): { ok: true; values: AppointmentTypeValues } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const whole = (field: WholeField) => {
    const text = form[field].trim();
    if (!/^\d+$/.test(text)) {
      errors[field] = `Enter a whole number of ${WHOLE_FIELDS[field]}`;
      return 0;
    }
    return Number(text);
  };
  const digits = minorDigits(currency);
  const money = (field: MoneyField) => {
    const amount = textToMinor(form[field], currency);
    if (amount === null) {
      errors[field] = `Enter the ${MONEY_FIELDS[field]} like 500${digits ? ` or 499.${'5'.padEnd(digits, '0')}` : ''}`;
      return 0;
    }
    return amount;
  };
  const values: AppointmentTypeValues = {
    name: form.name,
    specialisation: form.specialisation.trim() || null,
    colour: form.colour,
    mode: form.mode,
    onlineBookable: form.onlineBookable,
    requiresPrepayment: form.requiresPrepayment,
    lateCancellationPolicy: form.lateCancellationPolicy,
    durationMinutes: whole('durationMinutes'),
    bufferBeforeMinutes: whole('bufferBeforeMinutes'),
    bufferAfterMinutes: whole('bufferAfterMinutes'),
    minimumNoticeMinutes: whole('minimumNoticeMinutes'),
    bookingHorizonDays: whole('bookingHorizonDays'),
    slotIntervalMinutes: whole('slotIntervalMinutes'),
    lateCancellationHours: whole('lateCancellationHours'),
    priceMinor: money('priceMinor'),
    depositMinor: money('depositMinor'),
    lateCancellationFeeMinor: money('lateCancellationFeeMinor'),
    noShowFeeMinor: money('noShowFeeMinor'),
  };
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, values };
}
