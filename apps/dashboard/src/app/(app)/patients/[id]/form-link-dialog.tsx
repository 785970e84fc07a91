'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import {
  channelRefusal,
  FORM_LINK_DEFAULT_DAYS,
  fullName,
  NOTIFICATION_CHANNELS,
  type NotificationChannel,
} from '@carelane/core';
import { Alert, Button, TextField } from '@carelane/ui';
import Link from 'next/link';
import { useEffect, useId, useRef, useState } from 'react';
import { CHANNEL_LABELS, channelNames, formWhen } from '@/components/forms/form-format';
import { Modal } from '@/components/modal';
import { detailsOf } from '@/components/server-errors';
import type { PatientRecord } from './types';

/** The link shown once, with a Copy button; where the clipboard is refused, the text is selected to copy by hand. */
function CreatedLink({
  url,
  expiresAt,
  sentVia,
  zone,
}: {
  url: string;
  expiresAt: Date;
  sentVia: string[];
  zone?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'manual' | null>(null);
  const id = useId();
  // The form that had the focus is gone; the link takes it, so a keyboard user lands on it.
  useEffect(() => input.current?.focus(), []);
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      input.current?.select();
      setCopied('manual');
    }
  }
  return (
    <div className="space-y-3">
      <Alert tone="success">
        Link created{sentVia.length ? ` and queued to send by ${channelNames(sentVia)}` : ''}. It works until{' '}
        {formWhen(expiresAt, zone)}.
      </Alert>
      <p className="text-sm text-slate-700">
        This is the only time the link is shown: it is stored scrambled, so copy it now if you will send it yourself.
      </p>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="min-w-0 flex-1 space-y-1">
          <label htmlFor={id} className="block text-sm font-medium text-slate-800">
            Form link
          </label>
          <input
            id={id}
            ref={input}
            value={url}
            readOnly
            onFocus={(e) => e.currentTarget.select()}
            className="block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm text-slate-900 focus:border-teal-700 focus:outline-none focus:ring-2 focus:ring-teal-700/30"
          />
        </div>
        <Button onClick={() => void copy()}>Copy link</Button>
      </div>
      <p aria-live="polite" className="text-sm text-slate-700">
        {copied === 'yes'
          ? 'Copied.'
          : copied === 'manual'
            ? 'Press Ctrl+C (⌘C on a Mac) to copy the selected link.'
            : ''}
      </p>
    </div>
  );
}

/** Create a medical-history link for the patient: how long it works and, optionally, a channel to send it by. */
export function FormLinkDialog({
  patient,
  zone,
  onClose,
}: {
  patient: PatientRecord;
  zone?: string;
  onClose: (message: string | null) => void;
}) {
  const utils = trpc.useUtils();
  const create = trpc.forms.createLink.useMutation();
  const [days, setDays] = useState(String(FORM_LINK_DEFAULT_DAYS));
  const [channel, setChannel] = useState<NotificationChannel | ''>('');
  const group = useId();
  const details = detailsOf(create.error);
  const fieldError = (field: string) => details.find((d) => d.field === field)?.message ?? null;
  // Only a missing birth date is fixed on the edit page (the other precondition is the server's set-up).
  const needsBirthDate = create.error?.data?.code === 'PRECONDITION_FAILED' && !patient.birthDate;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    create.mutate(
      { patientId: patient.id, validDays: Number(days), ...(channel ? { sendVia: channel } : {}) },
      { onSuccess: () => void utils.forms.forPatient.invalidate({ patientId: patient.id }) },
    );
  }

  const done = create.data;
  const sentVia = done?.sentVia ? [done.sentVia] : [];
  return (
    <Modal title={done ? 'Form link ready' : 'Send a medical-history form'} onClose={() => onClose(null)}>
      {done ? (
        <>
          <CreatedLink url={done.url} expiresAt={done.expiresAt} sentVia={sentVia} zone={zone} />
          <Button variant="secondary" onClick={() => onClose(null)}>
            Done
          </Button>
        </>
      ) : (
        <form onSubmit={submit} className="space-y-4" noValidate>
          <p className="text-sm text-slate-700">
            {fullName(patient)} confirms their date of birth, answers the clinic's questions and signs. The link works
            once.
          </p>
          <TextField
            label="Valid for (days)"
            type="number"
            inputMode="numeric"
            min={1}
            max={30}
            value={days}
            onChange={(e) => setDays(e.target.value)}
            error={fieldError('validDays')}
            hint="1 to 30 days"
            className="max-w-40"
            data-autofocus
          />
          <fieldset className="space-y-2" aria-describedby={fieldError('sendVia') ? `${group}-error` : undefined}>
            <legend className="text-sm font-medium text-slate-800">Send it</legend>
            <label className="flex min-h-10 items-center gap-2 text-sm text-slate-900">
              <input
                type="radio"
                name={group}
                checked={channel === ''}
                onChange={() => setChannel('')}
                className="size-4 accent-teal-700"
              />
              Don't send: I will copy the link
            </label>
            {NOTIFICATION_CHANNELS.map((c) => {
              const block = channelRefusal(patient, c);
              return (
                <label
                  key={c}
                  className={`flex min-h-10 flex-wrap items-center gap-x-2 text-sm ${block ? 'text-slate-500' : 'text-slate-900'}`}
                >
                  <input
                    type="radio"
                    name={group}
                    checked={channel === c}
                    disabled={Boolean(block)}
                    onChange={() => setChannel(c)}
                    className="size-4 accent-teal-700"
                  />
                  By {CHANNEL_LABELS[c]}
                  {block ? <span className="text-slate-600">— {block}</span> : null}
                </label>
              );
            })}
            {fieldError('sendVia') ? (
              <p id={`${group}-error`} className="text-sm font-medium text-red-700">
                {fieldError('sendVia')}
              </p>
            ) : null}
          </fieldset>
          {create.error && !details.length ? (
            <Alert>
              {errorMessage(create.error)}
              {needsBirthDate ? (
                <>
                  {' '}
                  <Link href={`/patients/${patient.id}/edit`} className="font-semibold underline">
                    Edit the patient
                  </Link>
                </>
              ) : null}
            </Alert>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" busy={create.isPending}>
              {channel ? `Create and send by ${CHANNEL_LABELS[channel]}` : 'Create link'}
            </Button>
            <Button variant="secondary" onClick={() => onClose(null)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </Modal>
  );
}
