/**
 * What each kind of message may say: the variables a template of that kind may use, which of them
 * it must use, and an example value per language for the live preview and the length checks.
 */

export const MESSAGE_KINDS = [
  'otp_sign_in',
  'booking_confirmation',
  'reminder',
  'reschedule_notice',
  'cancellation_notice',
  'form_link',
  'payment_link',
  'waitlist_offer',
  'receipt',
  'staff_booking_notice',
  'staff_invitation',
  'password_reset',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** How messages name a kind, e.g. "A sign-in code must contain {{code}}". */
export const MESSAGE_KIND_LABELS: Record<MessageKind, string> = {
  otp_sign_in: 'sign-in code',
  booking_confirmation: 'booking confirmation',
  reminder: 'reminder',
  reschedule_notice: 'reschedule notice',
  cancellation_notice: 'cancellation notice',
  form_link: 'form link',
  payment_link: 'payment link',
  waitlist_offer: 'waitlist offer',
  receipt: 'receipt',
  staff_booking_notice: 'staff notice of an online booking',
  staff_invitation: 'staff invitation',
  password_reset: 'password reset link',
};

export const MESSAGE_LANGUAGES = ['en', 'hi'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

export const MESSAGE_LANGUAGE_LABELS: Record<MessageLanguage, string> = { en: 'English', hi: 'हिन्दी (Hindi)' };

export type TemplateVariableInfo = {
  description: string;
  /**
   * Realistic, not short: SMS segment counts are checked with these, so a link is as long as a
   * real one.
   */
  example: Record<MessageLanguage, string>;
};

function same(value: string): Record<MessageLanguage, string> {
  return { en: value, hi: value };
}

export const TEMPLATE_VARIABLES = {
  patientName: { description: "The patient's name", example: { en: 'Asha Verma', hi: 'आशा वर्मा' } },
  clinicianName: { description: "The clinician's name", example: { en: 'Dr Meera Iyer', hi: 'डॉ. मीरा अय्यर' } },
  centreName: { description: 'The centre of the visit', example: same('Sunrise Indiranagar') },
  centreAddress: {
    description: "The centre's address",
    example: same('12 CMH Road, Indiranagar, Bengaluru 560038'),
  },
  organizationName: { description: 'The clinic', example: same('Sunrise Health Clinics') },
  date: {
    description: 'Local date of the visit, in the centre’s time zone',
    example: { en: 'Tue 3 Dec', hi: 'मंगल 3 दिस॰' },
  },
  time: {
    description: 'Local time of the visit, in the centre’s time zone',
    example: { en: '6:00 pm', hi: 'शाम 6:00' },
  },
  previousDate: {
    description: 'The date the visit had before it moved',
    example: { en: 'Mon 2 Dec', hi: 'सोम 2 दिस॰' },
  },
  previousTime: { description: 'The time the visit had before it moved', example: { en: '11:30 am', hi: 'सुबह 11:30' } },
  // As long as the real ones: a form link's token is 22 characters, a confirm/cancel token 51.
  link: { description: 'The link to open', example: same('https://sunrise.carelane.in/forms/Xy7kQ2mWbT4pLz8RfA3n9c') },
  confirmLink: {
    description: 'A signed link that confirms the visit',
    example: same('https://sunrise.carelane.in/r/AQx7kQ2mWbT4pLz8RfA3n9cYv5Hs0dE1Kq2xR9mWbT4pLz8RfA3n9'),
  },
  cancelLink: {
    description: 'A signed link that cancels the visit',
    example: same('https://sunrise.carelane.in/r/AQx7kQ2mWbT4pLz8RfA3n9cYv5Hs0dE1Kq2xR9mWbT4pLz8RfA3nA'),
  },
  amount: { description: 'An amount with its currency', example: same('₹1,500') },
  code: { description: 'The one-time sign-in code', example: same('482913') },
  what: {
    description: 'What the amount is for',
    example: { en: 'invoice INV-2024-0012', hi: 'बिल INV-2024-0012' },
  },
  until: { description: 'When the link stops working', example: { en: 'Thu 5 Dec', hi: 'गुरु 5 दिस॰' } },
  staffName: { description: "The staff member's name", example: { en: 'Kavya Rao', hi: 'काव्या राव' } },
  change: {
    description: 'What the patient did online: booked, cancelled or rescheduled (see STAFF_CHANGE_WORDS)',
    example: { en: 'booked', hi: 'बुक किया' },
  },
} as const satisfies Record<string, TemplateVariableInfo>;
export type TemplateVariable = keyof typeof TEMPLATE_VARIABLES;

/** The words for the `change` variable of a staff notice, in the template's language. */
export const STAFF_CHANGE_WORDS: Record<MessageLanguage, Record<'booked' | 'cancelled' | 'rescheduled', string>> = {
  en: { booked: 'booked', cancelled: 'cancelled', rescheduled: 'rescheduled' },
  hi: { booked: 'बुक किया', cancelled: 'रद्द किया', rescheduled: 'बदला' },
};

export type KindVariables = {
  /** Variables a template of this kind may use. */
  allowed: readonly TemplateVariable[];
  /** Variables without which the message would be useless. */
  required: readonly TemplateVariable[];
};

const visit = [
  'patientName',
  'clinicianName',
  'centreName',
  'centreAddress',
  'organizationName',
  'date',
  'time',
] as const satisfies readonly TemplateVariable[];

export const KIND_VARIABLES = {
  otp_sign_in: { allowed: ['organizationName', 'code'], required: ['code'] },
  booking_confirmation: { allowed: [...visit, 'confirmLink', 'cancelLink', 'link'], required: ['date', 'time'] },
  reminder: { allowed: [...visit, 'confirmLink', 'cancelLink', 'link'], required: ['date', 'time'] },
  reschedule_notice: {
    allowed: [...visit, 'previousDate', 'previousTime', 'confirmLink', 'cancelLink', 'link'],
    required: ['date', 'time'],
  },
  cancellation_notice: { allowed: [...visit, 'link'], required: ['date', 'time'] },
  form_link: { allowed: ['patientName', 'organizationName', 'link', 'until'], required: ['link'] },
  payment_link: {
    allowed: ['patientName', 'organizationName', 'amount', 'what', 'link'],
    required: ['amount', 'link'],
  },
  waitlist_offer: {
    allowed: ['patientName', 'clinicianName', 'centreName', 'organizationName', 'date', 'time', 'link'],
    required: ['date', 'time', 'link'],
  },
  receipt: {
    allowed: ['patientName', 'organizationName', 'amount', 'what', 'date', 'link'],
    required: ['amount'],
  },
  staff_booking_notice: {
    allowed: [...visit, 'change'],
    required: ['patientName', 'change', 'date', 'time'],
  },
  staff_invitation: { allowed: ['staffName', 'organizationName', 'link', 'until'], required: ['link'] },
  password_reset: { allowed: ['staffName', 'organizationName', 'link'], required: ['link'] },
} as const satisfies Record<MessageKind, KindVariables>;

/**
 * The values a message of `kind` needs: every variable its kind allows. Typed so that a sender
 * cannot forget one, which with checkTemplate is why rendering cannot meet a missing value.
 */
export type TemplateValues<K extends MessageKind> = Record<(typeof KIND_VARIABLES)[K]['allowed'][number], string>;

export function isMessageKind(name: string): name is MessageKind {
  return (MESSAGE_KINDS as readonly string[]).includes(name);
}

export function isMessageLanguage(name: string): name is MessageLanguage {
  return (MESSAGE_LANGUAGES as readonly string[]).includes(name);
}

export function isTemplateVariable(name: string): name is TemplateVariable {
  return Object.hasOwn(TEMPLATE_VARIABLES, name);
}

/** The example values of a kind in a language, as the live preview shows them. */
export function exampleValues<K extends MessageKind>(kind: K, language: MessageLanguage): TemplateValues<K> {
  const values: Record<string, string> = {};
  for (const name of KIND_VARIABLES[kind].allowed) values[name] = TEMPLATE_VARIABLES[name].example[language];
  return values as TemplateValues<K>;
}
