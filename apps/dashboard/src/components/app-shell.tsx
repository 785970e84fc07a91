'use client';
import { cn } from '@carelane/ui';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { signOut } from 'next-auth/react';
import { type ReactNode, useState } from 'react';
import { NAV_ITEMS } from './nav';

/** The dashboard frame: navigation (a drawer on small screens), the user, and the page. */
export function AppShell({
  user,
  organizationName,
  children,
}: {
  user: { name: string; roleLabel: string; permissions: readonly string[] };
  organizationName: string;
  children: ReactNode;
}) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const nav = (
    <nav aria-label="Main" className="flex flex-col gap-1 p-3">
      {NAV_ITEMS.filter(
        (item) =>
          (!item.permission || user.permissions.includes(item.permission)) &&
          !(item.notWith && user.permissions.includes(item.notWith)),
      ).map((item) => {
        // "My profile" (/clinicians/me) lands on /clinicians/<own id>.
        const active =
          pathname === item.href ||
          pathname.startsWith(`${item.href}/`) ||
          (item.href === '/clinicians/me' && pathname.startsWith('/clinicians/'));
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? 'page' : undefined}
            onClick={() => setOpen(false)}
            className={cn(
              'rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-teal-700',
              active ? 'bg-teal-50 text-teal-900' : 'text-slate-700 hover:bg-slate-100 hover:text-slate-900',
            )}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
  return (
    <div className="min-h-screen lg:grid lg:grid-cols-[15rem_1fr] print:block">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <aside className="hidden border-r border-slate-200 bg-white lg:block print:hidden">
        <div className="border-b border-slate-200 px-5 py-4">
          <p className="text-lg font-bold text-teal-800">Carelane</p>
          <p className="truncate text-sm text-slate-600">{organizationName}</p>
        </div>
        {nav}
      </aside>
      <div className="flex min-w-0 flex-col">
        <header className="flex items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 py-3 lg:px-8 print:hidden">
          <button
            type="button"
            className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium lg:hidden"
            aria-expanded={open}
            aria-controls="mobile-nav"
            onClick={() => setOpen((v) => !v)}
          >
            Menu
          </button>
          <p className="font-bold text-teal-800 lg:hidden">Carelane</p>
          <div className="ml-auto flex items-center gap-3">
            <div className="hidden text-right sm:block">
              <p className="text-sm font-semibold text-slate-900">{user.name}</p>
              <p className="text-xs text-slate-600">{user.roleLabel}</p>
            </div>
            <button
              type="button"
              onClick={() => void signOut({ callbackUrl: '/sign-in' })}
              className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-teal-700"
            >
              Sign out
            </button>
          </div>
        </header>
        {open ? (
          <div id="mobile-nav" className="border-b border-slate-200 bg-white lg:hidden print:hidden">
            {nav}
          </div>
        ) : null}
        <main id="main" className="flex-1 px-4 py-6 lg:px-8 print:p-0">
          {children}
        </main>
      </div>
    </div>
  );
}
