'use client';
import * as Dialog from '@radix-ui/react-dialog';
import { type ReactNode, useRef } from 'react';

/**
 * A modal dialog, open while it is rendered: focus is trapped, Escape closes, the page behind is
 * inert, the title names it. A click outside does not close it, so a half-filled form is not lost.
 */
export function Modal({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  // What had the focus before, to give it back on closing (Radix would focus a Dialog.Trigger, and there is none).
  const returnFocus = useRef<Element | null>(null);
  return (
    <Dialog.Root
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-slate-900/40" />
        <Dialog.Content
          // The title names the dialog; its text is the description, read in order.
          aria-describedby={undefined}
          onOpenAutoFocus={(event) => {
            returnFocus.current = document.activeElement;
            // The first control (the close button) gets the focus, unless a field is marked data-autofocus.
            const field = (event.currentTarget as HTMLElement | null)?.querySelector<HTMLElement>('[data-autofocus]');
            if (field) {
              event.preventDefault();
              field.focus();
            }
          }}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            if (returnFocus.current instanceof HTMLElement) returnFocus.current.focus();
          }}
          onInteractOutside={(event) => event.preventDefault()}
          className="fixed inset-0 z-50 m-auto h-fit max-h-[calc(100%-2rem-6px)] w-[min(36rem,calc(100vw-2rem))] max-w-[calc(100%-2rem-6px)] overflow-auto rounded-lg border border-slate-200 bg-white shadow-xl outline-none"
        >
          <div className="flex items-center justify-between border-b border-slate-200 px-5 py-3">
            <Dialog.Title className="text-lg font-semibold text-slate-900">{title}</Dialog.Title>
            <Dialog.Close
              className="rounded px-2 py-1 text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-teal-700"
              aria-label="Close"
            >
              ✕
            </Dialog.Close>
          </div>
          <div className="space-y-4 px-5 py-4">{children}</div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
