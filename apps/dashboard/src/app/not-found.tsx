import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-2xl font-bold text-slate-900">Page not found</h1>
      <p className="text-slate-600">The page you asked for does not exist or you do not have access to it.</p>
      <Link href="/today" className="font-semibold text-teal-800 underline">
        Go to today
      </Link>
    </main>
  );
}
