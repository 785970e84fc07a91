'use client';
import { Alert, Button, Card } from '@carelane/ui';
import { useId, useState } from 'react';

/** Sends the chosen file as the raw request body: the server streams it to disk. */
export function UploadStep({ onUploaded }: { onUploaded: (id: string) => void }) {
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function upload() {
    if (!file) {
      setError('Choose a CSV or XLSX file first.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`/api/patient-imports?name=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: file,
      });
      const body = (await response.json().catch(() => ({}))) as { id?: string; message?: string };
      if (!response.ok || !body.id) throw new Error(body.message ?? 'The file could not be uploaded.');
      onUploaded(body.id);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The file could not be uploaded.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card className="space-y-4 p-5">
      <div className="space-y-1">
        <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
          Spreadsheet (CSV or XLSX, up to 50 MB)
        </label>
        <input
          id={inputId}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setError(null);
          }}
          className="block w-full text-sm text-slate-800 file:mr-3 file:rounded-md file:border-0 file:bg-teal-50 file:px-3 file:py-2 file:font-semibold file:text-teal-800"
        />
        <p className="text-sm text-slate-600">
          Needs at least a name and a phone column. Headers like Name, Patient Name, Naam, Mobile, Contact No, DOB, Janm
          Tithi, Gender or Ling are recognised, even below a title row.
        </p>
      </div>
      {error ? <Alert>{error}</Alert> : null}
      <Button onClick={upload} busy={busy}>
        Upload
      </Button>
    </Card>
  );
}
