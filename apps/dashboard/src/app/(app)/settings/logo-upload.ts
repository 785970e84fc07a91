// The quick check before sending (type and size) is core's logoPrecheck; the server decides by the bytes.

export type UploadOutcome = { ok: true; logoFileId: string } | { ok: false; message: string };

type ErrorBody = { message?: string; details?: Array<{ field: string; message: string }> };

function refusal(status: number, body: ErrorBody | null): string {
  const detail = body?.details?.find((d) => d.field === 'file')?.message;
  if (status === 400 || status === 413) return detail ?? body?.message ?? 'This file cannot be used as a logo.';
  if (status === 401) return 'Your session has ended. Sign in again to change the logo.';
  if (status === 403) return 'Only an admin can change the logo.';
  return 'The logo could not be saved. Please try again.';
}

function parse(text: string): ErrorBody | null {
  try {
    return JSON.parse(text) as ErrorBody;
  } catch {
    return null;
  }
}

/**
 * Sends the logo as multipart form data. XMLHttpRequest rather than fetch, because only it
 * reports upload progress; `onProgress` gets 0..1.
 */
export function uploadLogo(file: File, onProgress: (fraction: number) => void): Promise<UploadOutcome> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/organization/logo');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = parse(xhr.responseText);
      if (xhr.status === 200) {
        const id = (body as { logoFileId?: unknown } | null)?.logoFileId;
        if (typeof id === 'string') return resolve({ ok: true, logoFileId: id });
      }
      resolve({ ok: false, message: refusal(xhr.status, body) });
    };
    xhr.onerror = () => resolve({ ok: false, message: 'The upload failed. Check your connection and try again.' });
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

export async function removeLogo(): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    const response = await fetch('/api/organization/logo', { method: 'DELETE' });
    if (response.ok) return { ok: true };
    return { ok: false, message: refusal(response.status, parse(await response.text())) };
  } catch {
    return { ok: false, message: 'The logo could not be removed. Check your connection and try again.' };
  }
}
