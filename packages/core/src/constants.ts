export const STAFF_ROLES = [
  'admin',
  'manager',
  'centre_manager',
  'clinician',
  'care_coordinator',
  'front_desk',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  admin: 'Admin',
  manager: 'Manager',
  centre_manager: 'Centre manager',
  clinician: 'Clinician',
  care_coordinator: 'Care coordinator',
  front_desk: 'Front desk',
};

export const CONSULTATION_MODES = ['in_person', 'online'] as const;
export type ConsultationMode = (typeof CONSULTATION_MODES)[number];

export const APPOINTMENT_SOURCES = ['dashboard', 'booking_site', 'phone', 'walk_in', 'import'] as const;
export type AppointmentSource = (typeof APPOINTMENT_SOURCES)[number];

export const PAYMENT_STATUSES = ['unpaid', 'partly_paid', 'paid', 'refunded', 'waived'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export const NOTIFICATION_CHANNELS = ['sms', 'whatsapp', 'email'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
export const NOTIFICATION_CHANNEL_NAMES: Record<NotificationChannel, string> = {
  sms: 'SMS',
  whatsapp: 'WhatsApp',
  email: 'email',
};

export const NOTIFICATION_STATUSES = ['pending', 'sending', 'sent', 'failed', 'cancelled'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];
