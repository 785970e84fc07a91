'use client';
import { trpc } from '@carelane/api/react';
import { logoPrecheck } from '@carelane/core';
import { Alert, Button, cn } from '@carelane/ui';
import { type DragEvent, useEffect, useId, useRef, useState } from 'react';
import { removeLogo, uploadLogo } from './logo-upload';

type Notice = { tone: 'error' | 'success'; text: string };

/** The current logo; admins replace it by picking or dropping a file, with progress, or remove it. */
export function LogoPanel({
  logoFileId,
  organizationName,
  canEdit,
}: {
  logoFileId: string | null;
  organizationName: string;
  canEdit: boolean;
}) {
  const utils = trpc.useUtils();
  const inputId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [dragging, setDragging] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const question = useRef<HTMLDivElement>(null);
  const busy = progress !== null || removing;

  // The question replaces the Remove button; the keyboard follows it.
  useEffect(() => {
    if (confirming) question.current?.querySelector('button')?.focus();
  }, [confirming]);

  async function send(file: File) {
    setConfirming(false);
    const problem = logoPrecheck(file);
    if (problem) return setNotice({ tone: 'error', text: problem });
    setNotice(null);
    setProgress(0);
    const outcome = await uploadLogo(file, setProgress);
    setProgress(null);
    if (input.current) input.current.value = '';
    if (!outcome.ok) return setNotice({ tone: 'error', text: outcome.message });
    await utils.organization.settings.invalidate();
    setNotice({ tone: 'success', text: 'Logo saved. Forms now show it.' });
  }

  async function remove() {
    setRemoving(true);
    const outcome = await removeLogo();
    setRemoving(false);
    setConfirming(false);
    if (!outcome.ok) return setNotice({ tone: 'error', text: outcome.message });
    await utils.organization.settings.invalidate();
    setNotice({ tone: 'success', text: 'Logo removed.' });
  }

  function onDrop(event: DragEvent<HTMLElement>) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !busy) void send(file);
  }

  return (
    <div className="space-y-3">
      <h3 className="text-base font-semibold text-slate-900">Logo</h3>
      <div className="flex h-32 items-center justify-center rounded-md border border-slate-200 bg-slate-50 p-3">
        {logoFileId ? (
          // A plain img: the logo is served by our own route, with the file id to bust caches.
          // biome-ignore lint/performance/noImgElement: sized by CSS, no optimisation wanted
          <img
            src={`/api/organization/logo?v=${encodeURIComponent(logoFileId)}`}
            alt={`Logo of ${organizationName}`}
            className="max-h-full max-w-full object-contain"
          />
        ) : (
          <p className="text-sm text-slate-600">No logo yet. Forms show the clinic name instead.</p>
        )}
      </div>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {canEdit ? (
        <>
          <label
            htmlFor={inputId}
            onDragOver={(event) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
            data-testid="logo-dropzone"
            className={cn(
              'flex cursor-pointer flex-col items-center gap-1 rounded-md border-2 border-dashed px-4 py-5 text-center text-sm',
              'focus-within:ring-2 focus-within:ring-teal-700/40',
              dragging ? 'border-teal-700 bg-teal-50' : 'border-slate-300 bg-white hover:bg-slate-50',
            )}
          >
            <span className="font-semibold text-teal-800">{logoFileId ? 'Replace logo' : 'Upload logo'}</span>
            <span id={hintId} className="text-slate-600">
              Choose a file or drop it here. PNG or JPEG, at most 5 MB.
            </span>
            <input
              ref={input}
              id={inputId}
              type="file"
              accept="image/png,image/jpeg"
              aria-describedby={hintId}
              disabled={busy}
              className="sr-only"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) void send(file);
              }}
            />
          </label>
          {progress !== null ? (
            <div className="space-y-1">
              <div
                role="progressbar"
                aria-label="Logo upload"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.round(progress * 100)}
                className="h-2 overflow-hidden rounded-full bg-slate-200"
              >
                <div className="h-full bg-teal-700 transition-[width]" style={{ width: `${progress * 100}%` }} />
              </div>
              <p className="text-sm text-slate-600">Uploading… {Math.round(progress * 100)}%</p>
            </div>
          ) : null}
          {logoFileId && !confirming ? (
            <Button variant="secondary" disabled={busy} onClick={() => setConfirming(true)}>
              Remove logo
            </Button>
          ) : null}
          {confirming ? (
            <div ref={question} className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3">
              <p className="text-sm text-red-900">Remove the logo? Forms will show the clinic name only.</p>
              <div className="flex flex-wrap gap-2">
                <Button variant="danger" busy={removing} onClick={() => void remove()}>
                  Yes, remove logo
                </Button>
                <Button variant="ghost" disabled={removing} onClick={() => setConfirming(false)}>
                  Keep it
                </Button>
              </div>
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
