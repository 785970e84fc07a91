import { DEMO } from './demo-accounts';
import type { ClinicianSpec, OrganizationSpec, StaffSpec, TypeSpec } from './organization';

/** Sunrise Health Clinics: the main demo organization (DEMO.organization). */

const MON_SAT = [1, 2, 3, 4, 5, 6] as const;
const MON_FRI = [1, 2, 3, 4, 5] as const;
const SUNDAY = [7] as const;

const centres = [
  {
    key: 'blr',
    name: 'Indiranagar',
    addressLine: '2nd Floor, 612 12th Main Road, HAL 2nd Stage, Indiranagar',
    city: 'Bengaluru',
    state: 'Karnataka',
    postalCode: '560008',
    phone: '+918041234567',
  },
  {
    key: 'pune',
    name: 'Koregaon Park',
    addressLine: 'Shop 4, Lane 6, North Main Road, Koregaon Park',
    city: 'Pune',
    state: 'Maharashtra',
    postalCode: '411001',
    phone: '+912026123456',
  },
] as const;

const staff: StaffSpec[] = [
  { key: 'admin', ...DEMO.staff.admin, role: 'admin', centres: ['blr', 'pune'] },
  { key: 'manager', ...DEMO.staff.manager, role: 'manager', centres: ['blr', 'pune'] },
  { key: 'centreManager', ...DEMO.staff.centreManager, role: 'centre_manager', centres: ['blr'] },
  { key: 'careCoordinator', ...DEMO.staff.careCoordinator, role: 'care_coordinator', centres: ['blr', 'pune'] },
  { key: 'frontDesk', ...DEMO.staff.frontDesk, role: 'front_desk', centres: ['blr'] },
  {
    key: 'puneCentreManager',
    name: 'Swati Joshi',
    email: 'pune.manager@sunrise.example',
    phone: '+919800000006',
    role: 'centre_manager',
    centres: ['pune'],
  },
  {
    key: 'puneFrontDesk',
    name: 'Imran Shaikh',
    email: 'pune.frontdesk@sunrise.example',
    phone: '+919800000007',
    role: 'front_desk',
    centres: ['pune'],
  },
];

const clinicians: ClinicianSpec[] = [
  {
    key: 'meera',
    ...DEMO.staff.clinician,
    role: 'clinician',
    centres: ['blr'],
    title: 'Consultant General Physician',
    specialisations: ['General practice', 'Diabetes care', 'Preventive health'],
    qualifications: ['MBBS', 'MD (General Medicine)'],
    languages: ['English', 'Tamil', 'Kannada', 'Hindi'],
    feeMinor: 50_000,
    bio: 'Dr. Meera Krishnan has fifteen years of experience in family medicine and looks after adults and children alike, with a particular interest in diabetes, thyroid disorders and preventive check-ups.',
    modes: ['in_person'],
    rules: [
      { days: [1, 2, 3, 4, 5], start: '09:00', end: '13:00' },
      { days: [1, 2, 3, 4, 5], start: '14:00', end: '18:00' },
      { days: [6], start: '09:00', end: '14:00' },
      { days: SUNDAY, start: '10:00', end: '13:00' },
    ],
  },
  {
    key: 'sanjay',
    name: 'Dr. Sanjay Hegde',
    email: 'dr.sanjay@sunrise.example',
    phone: '+919800000012',
    role: 'clinician',
    centres: ['blr'],
    title: 'Consultant Dental Surgeon & Endodontist',
    specialisations: ['Dentistry', 'Endodontics'],
    qualifications: ['BDS', 'MDS (Conservative Dentistry & Endodontics)'],
    languages: ['English', 'Kannada', 'Hindi', 'Tulu'],
    feeMinor: 60_000,
    bio: 'Dr. Sanjay Hegde focuses on pain-free root canal treatment and tooth-saving procedures. He trained at Manipal and has practised in Bengaluru for over a decade.',
    modes: ['in_person'],
    rules: [
      { days: MON_SAT, start: '10:00', end: '13:30' },
      { days: MON_SAT, start: '14:30', end: '19:00' },
      { days: SUNDAY, start: '10:00', end: '13:00' },
    ],
  },
  {
    key: 'ananya',
    name: 'Ananya Rao',
    email: 'ananya.rao@sunrise.example',
    phone: '+919800000013',
    role: 'clinician',
    centres: ['blr'],
    title: 'Clinical Psychologist',
    specialisations: ['Psychotherapy', 'Cognitive behavioural therapy', 'Anxiety and depression'],
    qualifications: ['M.A. Psychology', 'M.Phil Clinical Psychology', 'RCI registered'],
    languages: ['English', 'Kannada', 'Hindi', 'Telugu'],
    feeMinor: 150_000,
    bio: 'Ananya works with adults facing anxiety, low mood, burnout and life transitions, using cognitive behavioural therapy and mindfulness-based approaches, in person and online.',
    modes: ['in_person', 'online'],
    rules: [
      { days: MON_FRI, start: '10:00', end: '13:00' },
      { days: MON_FRI, start: '14:00', end: '17:00' },
      { days: MON_FRI, start: '18:00', end: '20:00', mode: 'online' },
      { days: [6], start: '10:00', end: '14:00', mode: 'online' },
      { days: SUNDAY, start: '10:00', end: '13:00' },
    ],
  },
  {
    key: 'farhan',
    name: 'Farhan Siddiqui',
    email: 'farhan.siddiqui@sunrise.example',
    phone: '+919800000014',
    role: 'clinician',
    centres: ['blr'],
    title: 'Counselling Psychologist',
    specialisations: ['Psychotherapy', 'Couples therapy', 'Adolescent mental health'],
    qualifications: ['M.A. Applied Psychology', 'M.Phil Clinical Psychology'],
    languages: ['English', 'Hindi', 'Urdu', 'Kannada'],
    feeMinor: 120_000,
    bio: 'Farhan supports teenagers, young adults and couples with relationship difficulties, exam stress and emotional regulation. Sessions are available at the clinic and over video.',
    modes: ['in_person', 'online'],
    rules: [
      { days: [1], start: '14:00', end: '20:00', mode: 'online' },
      { days: [2, 3, 4, 5, 6], start: '11:00', end: '14:00' },
      { days: [2, 3, 4, 5, 6], start: '15:00', end: '19:00' },
      { days: [2, 4], start: '19:30', end: '21:00', mode: 'online' },
      { days: SUNDAY, start: '10:00', end: '13:00', mode: 'online' },
    ],
  },
  {
    key: 'aditya',
    name: 'Dr. Aditya Kulkarni',
    email: 'dr.aditya@sunrise.example',
    phone: '+919800000015',
    role: 'clinician',
    centres: ['pune'],
    title: 'Family Physician',
    specialisations: ['General practice', 'Preventive health'],
    qualifications: ['MBBS', 'DNB (Family Medicine)'],
    languages: ['English', 'Marathi', 'Hindi'],
    feeMinor: 50_000,
    bio: 'Dr. Aditya Kulkarni is a family physician who sees the whole household, from childhood fevers to blood-pressure reviews for grandparents, with morning and evening clinics.',
    modes: ['in_person'],
    rules: [
      { days: MON_SAT, start: '09:30', end: '13:30' },
      { days: MON_FRI, start: '17:00', end: '20:30' },
    ],
  },
  {
    key: 'sneha',
    name: 'Dr. Sneha Patil',
    email: 'dr.sneha@sunrise.example',
    phone: '+919800000016',
    role: 'clinician',
    centres: ['pune'],
    title: 'Paediatric Dentist',
    specialisations: ['Dentistry', 'Paediatric dentistry'],
    qualifications: ['BDS', 'MDS (Paediatric and Preventive Dentistry)'],
    languages: ['English', 'Marathi', 'Hindi'],
    feeMinor: 60_000,
    bio: 'Dr. Sneha Patil makes dental visits easy for children and anxious adults alike, with a focus on prevention, sealants and gentle treatment.',
    modes: ['in_person'],
    rules: [
      { days: MON_FRI, start: '10:00', end: '14:00' },
      { days: MON_FRI, start: '16:00', end: '19:00' },
      { days: [6], start: '10:00', end: '15:00' },
    ],
  },
];

const types: TypeSpec[] = [
  t('gp', 'General consultation', 'General practice', 15, 50_000, '#2563eb', 0, 0, 'in_person', true, 7),
  t('gpFollowUp', 'Follow-up consultation', 'General practice', 10, 30_000, '#60a5fa', 0, 0, 'in_person', true, 3),
  t('dentalCheck', 'Dental check-up', 'Dentistry', 30, 60_000, '#0d9488', 0, 5, 'in_person', true, 5),
  t('scaling', 'Scaling & polishing', 'Dentistry', 45, 150_000, '#14b8a6', 0, 10, 'in_person', true, 3),
  {
    ...t('rootCanal', 'Root canal session', 'Dentistry', 60, 450_000, '#f59e0b', 5, 15, 'in_person', false, 2),
    depositMinor: 100_000,
  },
  t('therapy', 'Psychotherapy session', 'Psychotherapy', 50, 150_000, '#7c3aed', 0, 10, 'in_person', true, 3),
  {
    ...t('onlineTherapy', 'Online therapy session', 'Psychotherapy', 50, 150_000, '#a855f7', 0, 10, 'online', true, 1),
    requiresPrepayment: true,
  },
  t(
    'assessment',
    'Initial psychological assessment',
    'Psychotherapy',
    90,
    250_000,
    '#6d28d9',
    0,
    10,
    'in_person',
    true,
    1,
  ),
];

function t(
  key: string,
  name: string,
  specialisation: string,
  durationMinutes: number,
  priceMinor: number,
  colour: string,
  bufferBeforeMinutes: number,
  bufferAfterMinutes: number,
  mode: 'in_person' | 'online',
  onlineBookable: boolean,
  weight: number,
): TypeSpec {
  return {
    key,
    name,
    specialisation,
    durationMinutes,
    priceMinor,
    colour,
    bufferBeforeMinutes,
    bufferAfterMinutes,
    mode,
    onlineBookable,
    weight,
  };
}

export const SUNRISE: OrganizationSpec = {
  ...DEMO.organization,
  country: 'IN',
  primaryColour: '#f97316',
  // A multi-specialty clinic (general medicine, physiotherapy, psychotherapy).
  questionnaire: 'general',
  centres,
  staff,
  clinicians,
  types,
};

/** Lakeside Dental Care: the second tenant (DEMO.otherOrganization), one centre in Chennai. */
export const LAKESIDE: OrganizationSpec = {
  ...DEMO.otherOrganization,
  country: 'IN',
  primaryColour: '#0284c7',
  questionnaire: 'dental',
  centres: [
    {
      key: 'chennai',
      name: 'Adyar',
      addressLine: '22 Lattice Bridge Road, Adyar',
      city: 'Chennai',
      state: 'Tamil Nadu',
      postalCode: '600020',
      phone: '+914424412345',
    },
  ],
  staff: [{ key: 'admin', ...DEMO.otherAdmin, role: 'admin', centres: ['chennai'] }],
  clinicians: [
    {
      key: 'lakshmi',
      name: 'Dr. Lakshmi Subramanian',
      email: 'dr.lakshmi@lakeside.example',
      phone: '+919800000092',
      role: 'clinician',
      centres: ['chennai'],
      title: 'Prosthodontist',
      specialisations: ['Dentistry', 'Prosthodontics'],
      qualifications: ['BDS', 'MDS (Prosthodontics)'],
      languages: ['English', 'Tamil', 'Telugu'],
      feeMinor: 40_000,
      bio: 'Dr. Lakshmi Subramanian restores smiles with crowns, bridges and dentures, and runs the clinic with an emphasis on clear explanations and fair estimates.',
      modes: ['in_person'],
      rules: [
        { days: MON_SAT, start: '09:30', end: '13:30' },
        { days: MON_FRI, start: '16:00', end: '20:00' },
      ],
    },
  ],
  types: [
    t('consult', 'Dental consultation', 'Dentistry', 20, 40_000, '#0284c7', 0, 5, 'in_person', true, 3),
    t('cleaning', 'Teeth cleaning', 'Dentistry', 40, 120_000, '#22c55e', 0, 10, 'in_person', true, 2),
  ],
};
