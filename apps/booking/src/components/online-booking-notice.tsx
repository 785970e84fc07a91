'use client';
import { trpc } from '@carelane/api/react';
import { Alert } from '@carelane/ui';

/**
 * Who may book on this site, from the clinic's settings: while online booking is off, every page
 * says so and gives the clinic's phone (patients can still see, pay and cancel their visits).
 */
export function useBookingSite() {
  return trpc.organization.bookingSite.useQuery(undefined, { staleTime: 60_000 });
}

export function OnlineBookingNotice() {
  const site = useBookingSite();
  const message = site.data?.bookingOffMessage;
  if (!message) return null;
  return (
    <div className="mb-6">
      <Alert tone="info">{message}</Alert>
    </div>
  );
}
