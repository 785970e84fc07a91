import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { NotSetUp } from '@/components/not-set-up';
import { OnlineBookingNotice } from '@/components/online-booking-notice';
import { SiteHeader } from '@/components/site-header';
import { siteNotReady } from '@/server/runtime';
import { currentPatient } from '@/server/session';
import './globals.css';
import { Providers } from './providers';

export const metadata: Metadata = {
  title: { default: 'Book an appointment', template: '%s · Book an appointment' },
  description: 'Find a clinician, book a visit, and manage your appointments.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0f766e' };

// Every page asks the database which clinic it serves: render per request, never at build time
// (a build has no database; prerendering '/' failed on the missing DATABASE_URL).
export const dynamic = 'force-dynamic';

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Before the clinic exists there is nothing to book: a calm page instead of every page's error.
  if (await siteNotReady()) {
    return (
      <html lang="en">
        <body className="min-h-screen">
          <NotSetUp />
        </body>
      </html>
    );
  }
  const patient = await currentPatient();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <Providers>
          <SiteHeader patientName={patient?.name ?? null} />
          <main id="main" className="mx-auto max-w-6xl px-4 py-8">
            <OnlineBookingNotice />
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}
