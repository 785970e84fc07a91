/** A link that cannot be used (or was used): says why in the API's words, never who it was for. */
export function ClosedPage({ title, message }: { title: string; message: string }) {
  return (
    <section aria-labelledby="closed-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h1 id="closed-title" className="outline-none text-xl font-semibold text-slate-900">
        {title}
      </h1>
      <p className="mt-3 text-base text-slate-700">{message}</p>
    </section>
  );
}

export const CLOSED_TITLES = {
  submitted: 'Form already sent',
  expired: 'Link expired',
  revoked: 'Link no longer valid',
  locked: 'Link locked',
  unknown: 'Link not recognised',
  // A link that closed while the patient had it open (the message says how).
  closed: 'This link can no longer be used',
} as const;
