import type { ChannelTemplates } from './defaults';
import type { MessageKind } from './kinds';

/*
 * English defaults. The four kinds that existed before templates keep their wording; their SMS
 * use "-" for the dash, because one "—" makes a whole SMS UCS-2 (70 characters a segment).
 */
export const ENGLISH_TEMPLATES: Record<MessageKind, ChannelTemplates> = {
  otp_sign_in: {
    sms: {
      body: '{{code}} is your {{organizationName}} sign-in code. It expires in 10 minutes. Do not share it with anyone.',
    },
    whatsapp: {
      body: '{{code}} is your {{organizationName}} sign-in code. It expires in 10 minutes. Do not share it with anyone.',
    },
    email: {
      subject: 'Your {{organizationName}} sign-in code',
      body: '{{code}} is your {{organizationName}} sign-in code. It expires in 10 minutes. Do not share it with anyone.',
    },
  },
  booking_confirmation: {
    sms: {
      body: '{{organizationName}}: your visit with {{clinicianName}} is booked for {{date}}, {{time}} at {{centreName}}. To change or cancel: {{link}}',
    },
    whatsapp: {
      body: 'Hello {{patientName}}, your visit with {{clinicianName}} is booked for {{date}}, {{time}}.\n\n{{centreName}}\n{{centreAddress}}\n\nTo change or cancel it: {{link}}\n\n{{organizationName}}',
    },
    email: {
      subject: '{{organizationName}}: your visit on {{date}}, {{time}}',
      body: 'Hello {{patientName}},\n\nYour visit with {{clinicianName}} is booked for {{date}}, {{time}} at:\n\n{{centreName}}\n{{centreAddress}}\n\nPlease arrive a few minutes early. Will you come? Confirm: {{confirmLink}}\nTo change or cancel the visit: {{link}}\n\n{{organizationName}}',
    },
  },
  reminder: {
    sms: {
      body: '{{organizationName}}: reminder of your visit with {{clinicianName}} on {{date}}, {{time}} at {{centreName}}. Confirm: {{confirmLink}} Cancel: {{cancelLink}}',
    },
    whatsapp: {
      body: 'Hello {{patientName}}, a reminder of your visit with {{clinicianName}} on {{date}}, {{time}} at {{centreName}}, {{centreAddress}}.\n\nConfirm: {{confirmLink}}\nCancel: {{cancelLink}}\n\n{{organizationName}}',
    },
    email: {
      subject: 'Reminder: your visit on {{date}}, {{time}}',
      body: 'Hello {{patientName}},\n\nThis is a reminder of your visit with {{clinicianName}} on {{date}}, {{time}} at:\n\n{{centreName}}\n{{centreAddress}}\n\nPlease confirm that you will come: {{confirmLink}}\nIf you cannot come, please cancel so that someone else can have the time: {{cancelLink}}\n\n{{organizationName}}',
    },
  },
  reschedule_notice: {
    sms: {
      body: '{{organizationName}}: your visit with {{clinicianName}} has moved to {{date}}, {{time}} at {{centreName}}. Details: {{link}}',
    },
    whatsapp: {
      body: 'Hello {{patientName}}, your visit with {{clinicianName}} has moved from {{previousDate}}, {{previousTime}} to {{date}}, {{time}} at {{centreName}}.\n\nDetails: {{link}}\n\n{{organizationName}}',
    },
    email: {
      subject: '{{organizationName}}: your visit has moved to {{date}}, {{time}}',
      body: 'Hello {{patientName}},\n\nYour visit with {{clinicianName}} has moved from {{previousDate}}, {{previousTime}} to {{date}}, {{time}} at:\n\n{{centreName}}\n{{centreAddress}}\n\nTo change or cancel it: {{link}}\n\n{{organizationName}}',
    },
  },
  cancellation_notice: {
    sms: {
      body: '{{organizationName}}: your visit with {{clinicianName}} on {{date}}, {{time}} is cancelled. To book again: {{link}}',
    },
    whatsapp: {
      body: 'Hello {{patientName}}, your visit with {{clinicianName}} on {{date}}, {{time}} at {{centreName}} is cancelled.\n\nTo book another time: {{link}}\n\n{{organizationName}}',
    },
    email: {
      subject: '{{organizationName}}: your visit on {{date}} is cancelled',
      body: 'Hello {{patientName}},\n\nYour visit with {{clinicianName}} on {{date}}, {{time}} at {{centreName}} is cancelled.\n\nTo book another time: {{link}}\n\n{{organizationName}}',
    },
  },
  form_link: {
    sms: {
      body: '{{organizationName}}: please fill in your medical-history form before your visit: {{link}} It asks for your date of birth first and works until {{until}}.',
    },
    whatsapp: {
      body: '{{organizationName}}: please fill in your medical-history form before your visit: {{link}} It asks for your date of birth first and works until {{until}}.',
    },
    email: {
      subject: '{{organizationName}}: your medical-history form',
      body: '{{organizationName}}: please fill in your medical-history form before your visit: {{link}} It asks for your date of birth first and works until {{until}}.',
    },
  },
  payment_link: {
    sms: { body: '{{organizationName}}: {{amount}} is due for {{what}}. Pay securely here: {{link}}' },
    whatsapp: { body: '{{organizationName}}: {{amount}} is due for {{what}}. Pay securely here: {{link}}' },
    email: {
      subject: '{{organizationName}}: {{amount}} to pay',
      body: '{{organizationName}}: {{amount}} is due for {{what}}. Pay securely here: {{link}}',
    },
  },
  waitlist_offer: {
    sms: {
      body: '{{organizationName}}: a time you were waiting for is free - {{date}}, {{time}} with {{clinicianName}}. The first to book it gets it: {{link}}',
    },
    whatsapp: {
      body: '{{organizationName}}: a time you were waiting for is free — {{date}}, {{time}} with {{clinicianName}}. The first to book it gets it: {{link}}',
    },
    email: {
      subject: '{{organizationName}}: an earlier time is free',
      body: '{{organizationName}}: a time you were waiting for is free — {{date}}, {{time}} with {{clinicianName}}. The first to book it gets it: {{link}}',
    },
  },
  receipt: {
    sms: { body: '{{organizationName}}: we received {{amount}} for {{what}}. Thank you. Receipt: {{link}}' },
    whatsapp: {
      body: 'Hello {{patientName}}, we received {{amount}} for {{what}} on {{date}}. Thank you.\n\nYour receipt: {{link}}\n\n{{organizationName}}',
    },
    email: {
      subject: '{{organizationName}}: receipt for {{amount}}',
      body: 'Hello {{patientName}},\n\nWe received {{amount}} for {{what}} on {{date}}. Thank you.\n\nYour receipt: {{link}}\n\n{{organizationName}}',
    },
  },
  staff_booking_notice: {
    sms: {
      body: '{{patientName}} {{change}} a visit online: {{clinicianName}}, {{date}}, {{time}} at {{centreName}}.',
    },
    whatsapp: {
      body: '{{patientName}} {{change}} a visit online: {{clinicianName}}, {{date}}, {{time}} at {{centreName}}.',
    },
    email: {
      subject: '{{patientName}} {{change}} a visit online',
      body: '{{patientName}} {{change}} a visit online with {{clinicianName}} on {{date}}, {{time}} at {{centreName}}.\n\nThe calendar shows it.',
    },
  },
  staff_invitation: {
    sms: {
      body: '{{organizationName}} invited you to join its team on Carelane. Set your password here before {{until}}: {{link}}',
    },
    whatsapp: {
      body: 'Hello {{staffName}}, {{organizationName}} invited you to join its team on Carelane.\n\nSet your password here: {{link}}\n\nThe link works once, until {{until}}.',
    },
    email: {
      subject: '{{organizationName}} invited you to Carelane',
      body: 'Hello {{staffName}},\n\n{{organizationName}} invited you to join its team on Carelane. To accept, open this link and choose your password:\n\n{{link}}\n\nThe link works once, until {{until}}. If you did not expect this invitation, you can ignore this email.',
    },
  },
  password_reset: {
    sms: {
      body: 'Reset your {{organizationName}} Carelane password here (works once, for 1 hour): {{link}}',
    },
    whatsapp: {
      body: 'Hello {{staffName}}, someone asked to reset your {{organizationName}} Carelane password.\n\nChoose a new one here: {{link}}\n\nThe link works once, for one hour. If it was not you, ignore this message.',
    },
    email: {
      subject: 'Reset your Carelane password',
      body: 'Hello {{staffName}},\n\nSomeone asked to reset the password of your {{organizationName}} account on Carelane. To choose a new password, open this link:\n\n{{link}}\n\nThe link works once, for one hour. If you did not ask for this, you can ignore this email: your password stays as it is.',
    },
  },
};
