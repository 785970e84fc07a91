'use client';
import * as Popover from '@radix-ui/react-popover';
import { useState } from 'react';
import { exportQuery, type PatientFilters } from './filters';

/**
 * "Export" opens the list's downloads. A popover of links rather than a menu: each is a download
 * link (read as one), and Escape, a click outside or a download closes it, giving focus back.
 */
export function ExportMenu({ filters, buttonClassName }: { filters: PatientFilters; buttonClassName: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger className={buttonClassName}>Export</Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={4}
          aria-label="Export"
          className="z-50 w-48 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
        >
          {(['csv', 'xlsx'] as const).map((format) => (
            <a
              key={format}
              href={`/api/patients/export?${exportQuery(filters, format)}`}
              // A download leaves the page as it was; close the list so it does not hang open.
              onClick={() => setOpen(false)}
              className="block rounded px-3 py-2 text-sm text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-teal-700"
            >
              This list as {format.toUpperCase()}
            </a>
          ))}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
