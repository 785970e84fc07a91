/** The clinic as the link presents it; the logo is optional (and served through the link). */
export type Clinic = { name: string; logoUrl: string | null };

export function ClinicHeader({ clinic }: { clinic: Clinic | null }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex min-h-16 max-w-xl items-center gap-3 px-4 py-3">
        {clinic?.logoUrl ? (
          // A plain img: the logo is same-origin and small, and next/image would add a loader route.
          // biome-ignore lint/performance/noImgElement: see above
          <img src={clinic.logoUrl} alt={clinic.name} className="h-10 w-auto max-w-32 object-contain" />
        ) : null}
        <p className="text-lg font-semibold text-slate-900" aria-hidden={clinic?.logoUrl ? true : undefined}>
          {clinic?.name ?? 'Medical history form'}
        </p>
      </div>
    </header>
  );
}

/** One column a phone can hold, under the clinic's name on every step. */
export function FormShell({ clinic, children }: { clinic: Clinic | null; children: React.ReactNode }) {
  return (
    <div className="min-h-screen bg-slate-50">
      <ClinicHeader clinic={clinic} />
      <main className="mx-auto max-w-xl px-4 py-6">{children}</main>
    </div>
  );
}
