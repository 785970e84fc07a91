import type { Permission } from '@carelane/auth';

/** `permission`: shown only to roles that have it; `coming`: a section still to be built. */
export type NavItem = { href: string; label: string; permission?: Permission; coming?: string };

export const NAV_ITEMS: NavItem[] = [
  { href: '/today', label: 'Today' },
  { href: '/calendar', label: 'Calendar' },
  { href: '/waitlist', label: 'Waitlist', permission: 'appointments:read' },
  { href: '/patients', label: 'Patients', permission: 'patients:read' },
  { href: '/forms', label: 'Forms', permission: 'patients:read' },
  { href: '/billing', label: 'Billing', permission: 'billing:read' },
  { href: '/messages', label: 'Messages', permission: 'messages:read' },
  { href: '/staff', label: 'Staff' },
  { href: '/centres', label: 'Centres' },
  {
    href: '/analytics',
    label: 'Analytics',
    coming: 'Bookings, revenue, no-shows and utilisation by centre and clinician.',
  },
  { href: '/settings', label: 'Settings' },
];
