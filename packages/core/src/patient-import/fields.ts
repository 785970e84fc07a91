/**
 * The patient fields a spreadsheet column can fill, and the header names clinics commonly give
 * them (English and Hindi transliteration). Headers are compared after `headerKey`.
 */
export const IMPORT_FIELDS = {
  fullName: {
    label: 'Full name',
    headers: ['name', 'patient name', 'full name', 'naam', 'patient naam', 'mareez ka naam', 'rogi ka naam', 'patient'],
  },
  firstName: { label: 'First name', headers: ['first name', 'given name', 'fname', 'pehla naam'] },
  lastName: { label: 'Last name', headers: ['last name', 'surname', 'family name', 'lname', 'upnaam'] },
  phone: {
    label: 'Phone',
    headers: [
      'mobile',
      'phone',
      'contact no',
      'contact number',
      'mobile no',
      'mobile number',
      'phone no',
      'phone number',
      'contact',
      'cell',
      'whatsapp',
      'whatsapp no',
      'mob no',
      'mob',
      'phone no.',
      'sampark',
      'sampark no',
      'mobile sankhya',
      'dooravani',
    ],
  },
  email: { label: 'Email', headers: ['email', 'email id', 'e-mail', 'mail', 'email address', 'mail id'] },
  birthDate: {
    label: 'Date of birth',
    headers: [
      'dob',
      'date of birth',
      'birth date',
      'birthday',
      'd.o.b',
      'janm tithi',
      'janmtithi',
      'janam tithi',
      'janm din',
      'janmdin',
      'janam din',
    ],
  },
  sex: { label: 'Sex', headers: ['gender', 'sex', 'ling', 'm/f'] },
  bloodGroup: {
    label: 'Blood group',
    headers: ['blood group', 'blood type', 'bg', 'rakt samooh', 'rakt samuh', 'blood grp'],
  },
  addressLine: {
    label: 'Address',
    headers: ['address', 'pata', 'address line', 'address line 1', 'street', 'residence', 'ghar ka pata'],
  },
  city: { label: 'City', headers: ['city', 'town', 'shahar', 'sheher', 'nagar'] },
  state: { label: 'State', headers: ['state', 'rajya', 'pradesh'] },
  postalCode: {
    label: 'PIN code',
    headers: ['pin', 'pincode', 'pin code', 'postal code', 'zip', 'zip code', 'postcode'],
  },
  healthPlan: {
    label: 'Health plan',
    headers: [
      'insurance',
      'insurer',
      'insurance company',
      'insurance provider',
      'insurance name',
      'health insurance',
      'health plan',
      'health plan name',
      'tpa',
      'tpa name',
      'policy',
      'policy name',
      'insurance policy',
      'mediclaim',
      'bima',
      'bima company',
    ],
  },
  tags: { label: 'Tags', headers: ['tags', 'labels', 'category', 'group'] },
  leadSource: {
    label: 'Lead source',
    headers: ['lead source', 'source', 'referred by', 'referral', 'how did you hear'],
  },
  notes: { label: 'Notes', headers: ['notes', 'remarks', 'comments', 'tippani', 'note'] },
} as const satisfies Record<string, { label: string; headers: readonly string[] }>;

export type ImportField = keyof typeof IMPORT_FIELDS;
export const IMPORT_FIELD_NAMES = Object.keys(IMPORT_FIELDS) as ImportField[];

/** Column index -> the field it fills (columns not listed are ignored). */
export type ColumnMapping = Partial<Record<ImportField, number>>;
