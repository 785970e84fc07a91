'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { basisPointsToText, formatMoney, invoiceTotals } from '@carelane/core';
import { Alert, Button, CheckboxField, SelectField, TextField } from '@carelane/ui';
import { useState } from 'react';
import { showDate } from '@/components/invoices/payments-format';
import { Modal } from '@/components/modal';
import { buildLines, emptyLine, type FreeLine, invoiceDiscountOf } from './invoice-lines';

type Item = { key: string; label: string; hint: string };

/** A draft invoice from what is still billable plus typed lines, with totals as core computes them. */
export function InvoiceDialog({
  patientId,
  currency,
  onClose,
}: {
  patientId: string;
  currency: string;
  onClose: (message: string | null) => void;
}) {
  const utils = trpc.useUtils();
  const billable = trpc.invoices.billable.useQuery({ patientId });
  const create = trpc.invoices.create.useMutation();
  const issue = trpc.invoices.issue.useMutation();
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [free, setFree] = useState<FreeLine[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const [discountKind, setDiscountKind] = useState<'percent' | 'amount'>('percent');
  const [discountText, setDiscountText] = useState('');
  const [checked, setChecked] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const money = (minor: number) => formatMoney(minor, currency);
  const items: Item[] = [
    ...(billable.data?.treatments ?? []).map((t) => ({
      key: `t:${t.id}`,
      label: `${t.description} · ${money(t.amountMinor)}`,
      hint: `Treatment, ${showDate(t.date)}${t.taxRateBasisPoints ? `, plus ${basisPointsToText(t.taxRateBasisPoints)}% tax` : ''}`,
    })),
    ...(billable.data?.visits ?? []).map((v) => ({
      key: `v:${v.id}`,
      label: `${v.description} · ${money(v.amountMinor)}`,
      hint: 'Visit',
    })),
  ];
  const fees: Item[] = (billable.data?.fees ?? []).map((f) => ({
    key: `f:${f.id}:${f.kind}`,
    label: `${f.description} · ${money(f.amountMinor)}`,
    hint: 'Suggested by the visit type’s policy',
  }));
  const built = buildLines(billable.data, picked, free, currency);
  const invoiceDiscount = invoiceDiscountOf(discountKind, discountText, currency);
  const totals =
    built.preview.length && invoiceDiscount !== null
      ? invoiceTotals({ currency, lines: built.preview, ...(invoiceDiscount ? { invoiceDiscount } : {}) })
      : null;
  const shownErrors = checked ? built.errors : {};

  function toggle(key: string, on: boolean) {
    const next = new Set(picked);
    if (on) next.add(key);
    else next.delete(key);
    setPicked(next);
  }
  function edit(key: number, change: Partial<FreeLine>) {
    setFree(free.map((l) => (l.key === key ? { ...l, ...change } : l)));
  }

  async function save(andIssue: boolean) {
    setChecked(true);
    setProblem(null);
    if (Object.keys(built.errors).length || invoiceDiscount === null) return;
    if (built.lines.length === 0) {
      setProblem('Pick something to bill or add a line.');
      return;
    }
    try {
      const draft = await create.mutateAsync({
        patientId,
        lines: built.lines,
        ...(invoiceDiscount ? { invoiceDiscount } : {}),
      });
      const issued = andIssue ? await issue.mutateAsync({ id: draft.id }) : null;
      await Promise.all([
        utils.invoices.forPatient.invalidate({ patientId }),
        utils.invoices.billable.invalidate({ patientId }),
        utils.invoices.statement.invalidate({ patientId }),
      ]);
      onClose(issued?.number ? `Invoice ${issued.number} issued.` : 'Draft invoice saved.');
    } catch (error) {
      setProblem(errorMessage(error));
    }
  }

  const busy = create.isPending || issue.isPending;
  return (
    <Modal title="New invoice" onClose={() => onClose(null)}>
      <form onSubmit={(e) => e.preventDefault()} noValidate className="space-y-4">
        <fieldset className="space-y-2">
          <legend className="text-sm font-semibold text-slate-900">Still to bill</legend>
          {billable.error ? <Alert>{errorMessage(billable.error)}</Alert> : null}
          {billable.isLoading ? <p className="text-sm text-slate-600">Loading what can be billed…</p> : null}
          {billable.data && items.length === 0 && fees.length === 0 ? (
            <p className="text-sm text-slate-600">Nothing unbilled: add a line below.</p>
          ) : null}
          {[...items, ...fees].map((item) => (
            <CheckboxField
              key={item.key}
              label={item.label}
              hint={item.hint}
              checked={picked.has(item.key)}
              onChange={(e) => toggle(item.key, e.target.checked)}
            />
          ))}
        </fieldset>

        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold text-slate-900">Other lines</legend>
          {free.map((line, n) => {
            const err = (field: string) => shownErrors[`free.${line.key}.${field}`];
            return (
              <div key={line.key} className="space-y-2 rounded-md border border-slate-200 p-3">
                <TextField
                  label={`Line ${n + 1} description`}
                  value={line.description}
                  onChange={(e) => edit(line.key, { description: e.target.value })}
                  error={err('description')}
                />
                <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
                  <TextField
                    label="Qty"
                    inputMode="numeric"
                    value={line.quantity}
                    onChange={(e) => edit(line.key, { quantity: e.target.value })}
                    error={err('quantity')}
                  />
                  <TextField
                    label={`Price (${currency})`}
                    inputMode="decimal"
                    value={line.price}
                    onChange={(e) => edit(line.key, { price: e.target.value })}
                    error={err('price')}
                  />
                  <TextField
                    label={`Discount (${currency})`}
                    inputMode="decimal"
                    value={line.discount}
                    onChange={(e) => edit(line.key, { discount: e.target.value })}
                    error={err('discount')}
                  />
                  <TextField
                    label="Tax %"
                    inputMode="decimal"
                    value={line.tax}
                    onChange={(e) => edit(line.key, { tax: e.target.value })}
                    error={err('tax')}
                  />
                </div>
                <Button variant="ghost" onClick={() => setFree(free.filter((l) => l.key !== line.key))}>
                  Remove line {n + 1}
                </Button>
              </div>
            );
          })}
          <Button
            variant="secondary"
            onClick={() => {
              setFree([...free, emptyLine(nextKey)]);
              setNextKey(nextKey + 1);
            }}
          >
            Add a line
          </Button>
        </fieldset>

        <div className="grid grid-cols-2 gap-2">
          <SelectField
            label="Invoice discount"
            value={discountKind}
            onChange={(e) => setDiscountKind(e.target.value as 'percent' | 'amount')}
            options={[
              { value: 'percent', label: 'Percent' },
              { value: 'amount', label: `Amount (${currency})` },
            ]}
          />
          <TextField
            label={discountKind === 'percent' ? 'Discount %' : `Discount (${currency})`}
            inputMode="decimal"
            value={discountText}
            onChange={(e) => setDiscountText(e.target.value)}
            error={invoiceDiscount === null ? 'Enter a percent from 0 to 100 or an amount like 100' : undefined}
          />
        </div>

        <dl aria-label="Totals" className="space-y-1 rounded-lg bg-slate-100 px-4 py-3 text-sm">
          {totals?.ok ? (
            (
              [
                ['Subtotal', totals.subtotalMinor],
                ['Discount', -totals.discountMinor],
                ['Tax', totals.taxMinor],
                ['Total', totals.totalMinor],
              ] as const
            ).map(([label, amount]) => (
              <div key={label} className="flex justify-between gap-4">
                <dt className={label === 'Total' ? 'font-semibold' : 'text-slate-700'}>{label}</dt>
                <dd className="font-semibold tabular-nums">{money(amount)}</dd>
              </div>
            ))
          ) : (
            <p className="text-slate-700">
              {totals && !totals.ok ? totals.message : 'Pick or add lines to see totals.'}
            </p>
          )}
        </dl>

        {problem ? <Alert>{problem}</Alert> : null}
        <div className="flex flex-wrap gap-2">
          <Button busy={busy} onClick={() => void save(true)}>
            Save and issue
          </Button>
          <Button variant="secondary" disabled={busy} onClick={() => void save(false)}>
            Save as draft
          </Button>
          <Button variant="ghost" onClick={() => onClose(null)}>
            Cancel
          </Button>
        </div>
      </form>
    </Modal>
  );
}
