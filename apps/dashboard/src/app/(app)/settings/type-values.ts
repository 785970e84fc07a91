import type { RouterInputs, RouterOutputs } from '@carelane/api/client';

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

/** Money fields: the form takes rupees, the API stores paise. */
export const MONEY_FIELDS = { priceMinor: 'price', depositMinor: 'deposit' } as const;
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
};

/** 50000 paise → "500"; 49950 → "499.50". */
export function paiseToRupees(paise: number): string {
  return paise % 100 === 0 ? String(paise / 100) : (paise / 100).toFixed(2);
}

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
    priceMinor: paiseToRupees(row.priceMinor),
    depositMinor: paiseToRupees(row.depositMinor),
  };
}

export type FieldErrors = Partial<Record<keyof FormState, string>>;

/**
 * Turns what was typed into API values. Only checks what the API cannot see (a number that is
 * not a number); limits are the server's to judge, and its messages show beside the fields.
 */
export function toValues(
  form: FormState,
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
  const money = (field: MoneyField) => {
    const text = form[field].trim();
    if (!/^\d+(\.\d{1,2})?$/.test(text)) {
      errors[field] = `Enter the ${MONEY_FIELDS[field]} in rupees, like 500 or 499.50`;
      return 0;
    }
    return Math.round(Number(text) * 100);
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
  };
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, values };
}
