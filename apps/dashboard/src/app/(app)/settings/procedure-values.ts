import type { RouterInputs, RouterOutputs } from '@carelane/api/client';
import { basisPointsToText, minorDigits, minorToText, textToBasisPoints, textToMinor } from '@carelane/core';

export type ProcedureRow = RouterOutputs['procedures']['list'][number];
export type ProcedureValues = RouterInputs['procedures']['save'];

/** What the dialog holds: amounts as typed, so a half-typed value is never lost. */
export type ProcedureForm = {
  name: string;
  code: string;
  price: string;
  taxRate: string;
  perTooth: boolean;
  active: boolean;
};

/** Form fields by the API field whose errors they show. */
export const API_FIELDS = {
  name: 'name',
  code: 'code',
  priceMinor: 'price',
  taxRateBasisPoints: 'taxRate',
  perTooth: 'perTooth',
  active: 'active',
} as const satisfies Record<string, keyof ProcedureForm>;

export type ProcedureErrors = Partial<Record<keyof ProcedureForm, string>>;

export const NEW_PROCEDURE: ProcedureForm = {
  name: '',
  code: '',
  price: '',
  taxRate: '0',
  perTooth: true,
  active: true,
};

export function toProcedureForm(row: ProcedureRow): ProcedureForm {
  return {
    name: row.name,
    code: row.code ?? '',
    price: minorToText(row.priceMinor, row.currency),
    taxRate: basisPointsToText(row.taxRateBasisPoints),
    perTooth: row.perTooth,
    active: row.active,
  };
}

/** Turns what was typed into API values; only checks what the server cannot (a number that is not one). */
export function toProcedureValues(
  form: ProcedureForm,
  currency: string,
  id: string | undefined,
): { ok: true; values: ProcedureValues } | { ok: false; errors: ProcedureErrors } {
  const errors: ProcedureErrors = {};
  const priceMinor = textToMinor(form.price, currency);
  if (priceMinor === null)
    errors.price = `Enter the price like 1500${minorDigits(currency) ? ` or 1499.${'5'.padEnd(minorDigits(currency), '0')}` : ''}`;
  const taxRateBasisPoints = textToBasisPoints(form.taxRate);
  if (taxRateBasisPoints === null) errors.taxRate = 'Enter the rate in percent like 18 or 12.5 (at most 2 decimals)';
  if (priceMinor === null || taxRateBasisPoints === null) return { ok: false, errors };
  return {
    ok: true,
    values: {
      ...(id ? { id } : {}),
      name: form.name,
      code: form.code.trim() || null,
      priceMinor,
      taxRateBasisPoints,
      perTooth: form.perTooth,
      active: form.active,
    },
  };
}

/** A procedure matches the search when its name or code contains every typed word. */
export function matchesSearch(row: ProcedureRow, search: string): boolean {
  const haystack = `${row.name} ${row.code ?? ''}`.toLowerCase();
  return search
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
