'use client';
import { logoPrecheck } from '@carelane/core';
import { Alert, Avatar, Button } from '@carelane/ui';
import { useId, useRef, useState } from 'react';

type Notice = { tone: 'error' | 'success'; text: string };
type ErrorBody = { message?: string; details?: Array<{ field: string; message: string }> };

async function refusal(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as ErrorBody | null;
  const detail = body?.details?.find((d) => d.field === 'file')?.message;
  if (response.status === 400) return detail ?? body?.message ?? 'This file cannot be used as a photo.';
  if (response.status === 401) return 'Your session has ended. Sign in again to change the photo.';
  if (response.status === 403 || response.status === 409) return body?.message ?? 'You cannot change this photo.';
  return 'The photo could not be saved. Please try again.';
}

/**
 * The clinician's photo as the booking site shows it, with upload (the logo's checks: PNG or
 * JPEG, at most 5 MB, checked again by the server) and removal. Needs a saved profile.
 */
export function PhotoPanel({
  clinicianId,
  name,
  photoUrl,
  hasProfile,
  onChanged,
}: {
  clinicianId: string;
  name: string;
  photoUrl: string | null;
  hasProfile: boolean;
  onChanged: () => Promise<unknown>;
}) {
  const inputId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const address = `/api/clinicians/${clinicianId}/photo`;

  async function send(file: File) {
    const problem = logoPrecheck(file);
    if (problem) return setNotice({ tone: 'error', text: problem.replace('an image', 'a photo') });
    setBusy(true);
    setNotice(null);
    const form = new FormData();
    form.append('file', file);
    try {
      const response = await fetch(address, { method: 'POST', body: form });
      if (!response.ok) return setNotice({ tone: 'error', text: await refusal(response) });
      await onChanged();
      setNotice({ tone: 'success', text: 'Photo saved. The booking site shows it now.' });
    } catch {
      setNotice({ tone: 'error', text: 'The upload failed. Check your connection and try again.' });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  async function remove() {
    setBusy(true);
    try {
      const response = await fetch(address, { method: 'DELETE' });
      if (!response.ok) return setNotice({ tone: 'error', text: await refusal(response) });
      await onChanged();
      setNotice({ tone: 'success', text: 'Photo removed. Initials are shown instead.' });
    } catch {
      setNotice({ tone: 'error', text: 'The photo could not be removed. Check your connection and try again.' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-3">
      <div className="flex items-center gap-4">
        <Avatar name={name} photoUrl={photoUrl} size={96} />
        <div className="space-y-2">
          {hasProfile ? (
            <>
              <label
                htmlFor={inputId}
                className="inline-flex cursor-pointer items-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-semibold text-teal-800 hover:bg-slate-50 focus-within:ring-2 focus-within:ring-teal-700/40"
              >
                {photoUrl ? 'Replace photo' : 'Upload photo'}
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
              {photoUrl ? (
                <Button variant="ghost" disabled={busy} onClick={() => void remove()}>
                  Remove photo
                </Button>
              ) : null}
              <p id={hintId} className="text-sm text-slate-600">
                PNG or JPEG, at most 5 MB. A square face photo looks best.
              </p>
            </>
          ) : (
            <p className="text-sm text-slate-600">Save the profile first, then add a photo.</p>
          )}
        </div>
      </div>
      {busy ? <p className="text-sm text-slate-600">Working…</p> : null}
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
    </div>
  );
}
