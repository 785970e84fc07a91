'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { formatMoney, minorToText, TREATMENT_STATUSES, type TreatmentStatus, textToMinor } from '@carelane/core';
import { Alert, Button, SelectField, TextField } from '@carelane/ui';
import { type FormEvent, useState } from 'react';
import { Modal } from '@/components/modal';
import { detailsOf } from '@/components/server-errors';
import { type Procedure, statusLabel, toothTitle } from './treatment-format';

type Field = 'procedureId' | 'description' | 'priceMinor' | 'discountMinor' | 'status' | 'performedOn' | 'notes';
type Errors = Partial<Record<Field, string>>;
const FIELDS: readonly string[] = [
  'procedureId',
  'description',
  'priceMinor',
  'discountMinor',
  'status',
  'performedOn',
  'notes',
];

/** Adds a treatment on one tooth, or general work with no tooth; a procedure fills in its price. */
export function TreatmentDialog({
  patientId,
  tooth,
  currency,
  onClose,
}: {
  patientId: string;
  tooth: number | null;
  currency: string;
  onClose: (message: string | null) => void;
}) {
  const utils = trpc.useUtils();
  const procedures = trpc.procedures.list.useQuery();
  const create = trpc.treatments.create.useMutation();
  const [procedureId, setProcedureId] = useState('');
  const [description, setDescription] = useState('');
  const [price, setPrice] = useState('');
  const [discount, setDiscount] = useState('0');
  const [status, setStatus] = useState<TreatmentStatus>('planned');
  const [performedOn, setPerformedOn] = useState('');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [other, setOther] = useState<string[]>([]);
  const list: Procedure[] = procedures.data ?? [];

  function pick(id: string) {
    setProcedureId(id);
    const chosen = list.find((p) => p.id === id);
    if (chosen) setPrice(minorToText(chosen.priceMinor, chosen.currency));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Errors = {};
    const priceMinor = price.trim() === '' && procedureId ? null : textToMinor(price, currency);
    if (priceMinor === null && !(price.trim() === '' && procedureId))
      found.priceMinor = 'Enter the price like 500 or 499.50';
    const discountMinor = discount.trim() === '' ? 0 : textToMinor(discount, currency);
    if (discountMinor === null) found.discountMinor = 'Enter the discount like 100 or 99.50';
    setErrors(found);
    setOther([]);
    if (Object.keys(found).length) return;
    try {
      await create.mutateAsync({
        patientId,
        tooth,
        procedureId: procedureId || null,
        description: procedureId ? null : description,
        priceMinor,
        discountMinor: discountMinor ?? 0,
        status,
        performedOn: performedOn || null,
        notes: notes.trim() || null,
      });
      await utils.treatments.forPatient.invalidate({ patientId });
      onClose(tooth ? `Added to tooth ${tooth}.` : 'Added.');
    } catch (error) {
      const fields: Errors = {};
      const rest: string[] = [];
      for (const d of detailsOf(error as { data?: unknown })) {
        if (FIELDS.includes(d.field)) fields[d.field as Field] ??= d.message;
        else rest.push(d.message);
      }
      setErrors(fields);
      setOther(rest);
    }
  }

  const title = tooth ? `Add treatment on tooth ${tooth}` : 'Add treatment without a tooth';
  const showGeneral = create.error && detailsOf(create.error).length === 0;
  return (
    <Modal title={title} onClose={() => onClose(null)}>
      <form onSubmit={submit} noValidate className="space-y-3">
        {tooth ? <p className="text-sm text-slate-700">{toothTitle(tooth)}</p> : null}
        {procedures.error ? <Alert>{errorMessage(procedures.error)}</Alert> : null}
        <SelectField
          label="Procedure"
          value={procedureId}
          onChange={(e) => pick(e.target.value)}
          data-autofocus
          options={[
            { value: '', label: list.length ? 'None: describe it below' : 'No procedures in the price list' },
            ...list.map((p) => ({ value: p.id, label: `${p.name} · ${formatMoney(p.priceMinor, p.currency)}` })),
          ]}
        />
        {errors.procedureId ? <p className="text-sm font-medium text-red-700">{errors.procedureId}</p> : null}
        {procedureId ? null : (
          <TextField
            label="Description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            error={errors.description}
          />
        )}
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            label={`Price (${currency})`}
            inputMode="decimal"
            value={price}
            onChange={(e) => setPrice(e.target.value)}
            error={errors.priceMinor}
          />
          <TextField
            label={`Discount (${currency})`}
            inputMode="decimal"
            value={discount}
            onChange={(e) => setDiscount(e.target.value)}
            error={errors.discountMinor}
          />
          <SelectField
            label="Status"
            value={status}
            onChange={(e) => setStatus(e.target.value as TreatmentStatus)}
            options={TREATMENT_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
          />
          <TextField
            label="Date"
            type="date"
            value={performedOn}
            onChange={(e) => setPerformedOn(e.target.value)}
            error={errors.performedOn}
          />
        </div>
        <div className="space-y-1">
          <label htmlFor="treatment-notes" className="block text-sm font-medium text-slate-800">
            Notes
          </label>
          <textarea
            id="treatment-notes"
            rows={3}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
            aria-invalid={errors.notes ? true : undefined}
            aria-describedby={errors.notes ? 'treatment-notes-error' : undefined}
            className="block w-full rounded-md border border-slate-300 px-3 py-2 text-base focus:border-teal-700 focus:outline-none focus:ring-2 focus:ring-teal-700/30"
          />
          {errors.notes ? (
            <p id="treatment-notes-error" className="text-sm font-medium text-red-700">
              {errors.notes}
            </p>
          ) : null}
        </div>
        {other.map((m) => (
          <Alert key={m}>{m}</Alert>
        ))}
        {showGeneral ? <Alert>{errorMessage(create.error)}</Alert> : null}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" busy={create.isPending}>
            Add treatment
          </Button>
          <Button variant="secondary" onClick={() => onClose(null)}>
            Cancel
          </Button>
        </div>
      </form>
    </Modal>
  );
}
