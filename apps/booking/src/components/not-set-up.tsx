/** What a patient sees while the clinic has not finished setting up its booking site. */
export function NotSetUp() {
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-xl flex-col justify-center px-4 py-16 text-center">
      <p className="text-lg font-bold text-teal-800">Carelane</p>
      <h1 className="mt-4 text-2xl font-semibold text-slate-900">This clinic’s booking site is not set up yet</h1>
      <p className="mt-3 text-base text-slate-700">
        Online booking will open here soon. Until then, please call the clinic to book or change an appointment.
      </p>
    </main>
  );
}
