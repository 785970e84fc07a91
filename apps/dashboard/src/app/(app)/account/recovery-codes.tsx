'use client';
import { Alert, Button } from '@carelane/ui';
import { useState } from 'react';

/**
 * Recovery codes, shown once: each signs in once when the phone is lost. Copy and download keep
 * them somewhere safe; the page cannot show them again.
 */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const text = `Carelane recovery codes\nEach code works once, in place of the code from your authenticator app.\n\n${codes.join('\n')}\n`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }

  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'carelane-recovery-codes.txt';
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <div className="space-y-4">
      <Alert tone="info">
        Keep these codes somewhere safe, away from your phone. If you lose your phone, each code signs you in once. They
        are shown only now.
      </Alert>
      <ol
        aria-label="Recovery codes"
        className="grid grid-cols-1 gap-2 rounded-md border border-slate-200 bg-slate-50 p-4 font-mono text-base text-slate-900 min-[360px]:grid-cols-2"
      >
        {codes.map((code) => (
          <li key={code} className="tracking-wider">
            {code}
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => void copy()}>
          Copy codes
        </Button>
        <Button variant="secondary" onClick={download}>
          Download as a file
        </Button>
        <Button onClick={onDone}>I have saved them</Button>
      </div>
      <p role="status" className="text-sm text-slate-600">
        {copied === 'yes' ? 'Copied.' : copied === 'failed' ? 'Copying is blocked here: download them instead.' : ''}
      </p>
    </div>
  );
}
