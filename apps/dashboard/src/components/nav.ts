import type { Permission } from '@carelane/auth';

/**
 * The main menu. An item with a `permission` is shown only to roles that have it, so nobody is
 * offered a page that would refuse them. A section joins the menu when it is built.
 */
export type NavItem = {
  href: string;
  label: string;
  permission?: Permission;
  /** Not shown to roles that also have this one (they reach the page another way). */
  notWith?: Permission;
};

export const NAV_ITEMS: NavItem[] = [
  { href: '/today', label: 'Today' },
  { href: '/calendar', label: 'Calendar' },
  { href: '/waitlist', label: 'Waitlist', permission: 'appointments:read' },
  { href: '/patients', label: 'Patients', permission: 'patients:read' },
  { href: '/forms', label: 'Forms', permission: 'patients:read' },
  { href: '/billing', label: 'Billing', permission: 'billing:read' },
  { href: '/messages', label: 'Messages', permission: 'messages:read' },
  { href: '/staff', label: 'Staff', permission: 'staff:read' },
  // A clinician's own profile; admins and managers open anyone's from Staff.
  {
    href: '/clinicians/me',
    label: 'My profile',
    permission: 'clinician_profiles:edit',
    notWith: 'appointment_types:manage',
  },
  { href: '/centres', label: 'Centres', permission: 'centres:read' },
  { href: '/audit', label: 'Audit log', permission: 'audit:read' },
  { href: '/settings', label: 'Settings' },
  // Everyone's own password and two-factor sign-in.
  { href: '/account', label: 'Your account' },
];
