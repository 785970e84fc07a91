/**
 * The demo sign-ins printed by `pnpm start` and used by the end-to-end tests. Development data
 * only: never seeded unless the database is empty or `pnpm db:seed` is run.
 */
export const DEMO = {
  password: 'carelane-demo',
  organization: { slug: 'sunrise-health', name: 'Sunrise Health Clinics' },
  otherOrganization: { slug: 'lakeside-dental', name: 'Lakeside Dental Care' },
  staff: {
    admin: { email: 'admin@sunrise.example', phone: '+919800000001', name: 'Anita Desai' },
    manager: { email: 'manager@sunrise.example', phone: '+919800000002', name: 'Rohan Mehta' },
    centreManager: { email: 'centre.manager@sunrise.example', phone: '+919800000003', name: 'Kavita Iyer' },
    careCoordinator: { email: 'care@sunrise.example', phone: '+919800000004', name: 'Sunil Thomas' },
    frontDesk: { email: 'frontdesk@sunrise.example', phone: '+919800000005', name: 'Pooja Nair' },
    clinician: { email: 'dr.meera@sunrise.example', phone: '+919800000011', name: 'Dr. Meera Krishnan' },
  },
  otherAdmin: { email: 'admin@lakeside.example', phone: '+919800000091', name: 'Farah Khan' },
  /** A patient of the first organization with visits in the past and the next days. */
  patient: { phone: '+919876500001', firstName: 'Arjun', lastName: 'Sharma' },
} as const;
