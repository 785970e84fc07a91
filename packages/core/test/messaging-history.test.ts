import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskRecipient, resendRefusal } from '../src';

const patient = {
  firstName: 'Asha',
  phone: '+919876500001',
  email: 'asha@example.com',
  consentSms: true,
  consentWhatsapp: true,
  consentEmail: true,
};
const now = new Date('2026-11-22T06:00:00Z');
const ahead = { status: 'confirmed', startsAt: new Date('2026-11-23T06:00:00Z') };

describe('maskRecipient', () => {
  it('keeps the last four digits of a phone and the first letter and domain of an email', () => {
    expect(maskRecipient('+919876500001')).toBe('•••• 0001');
    expect(maskRecipient('asha@example.com')).toBe('a***@example.com');
  });

  it('never shows more than the last four digits of a number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\+[1-9]\d{7,14}$/), (phone) => {
        const masked = maskRecipient(phone);
        expect(masked.replace(/\D/g, '')).toBe(phone.slice(-4));
      }),
    );
  });

  it('never shows the local part of an email beyond its first character', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        const masked = maskRecipient(email);
        const at = email.lastIndexOf('@');
        expect(masked).toBe(`${email[0]}***${email.slice(at)}`);
      }),
    );
  });
});

describe('resendRefusal', () => {
  it('never resends a sign-in code', () => {
    expect(resendRefusal({ kind: 'otp_sign_in', channel: 'sms', patient: null, appointment: null, now })).toBe(
      'Sign-in codes are never resent; the patient can ask for a new one.',
    );
  });

  it('refuses a channel the patient no longer consents to', () => {
    const withdrawn = { ...patient, consentWhatsapp: false };
    expect(resendRefusal({ kind: 'form_link', channel: 'whatsapp', patient: withdrawn, appointment: null, now })).toBe(
      'Asha has not agreed to WhatsApp messages.',
    );
  });

  it('refuses a reminder or confirmation of a cancelled or past visit, not other kinds', () => {
    const cancelled = { ...ahead, status: 'cancelled' };
    const past = { ...ahead, startsAt: new Date('2026-11-21T06:00:00Z') };
    for (const kind of ['reminder', 'booking_confirmation']) {
      expect(resendRefusal({ kind, channel: 'sms', patient, appointment: cancelled, now })).toMatch(/cancelled/);
      expect(resendRefusal({ kind, channel: 'sms', patient, appointment: past, now })).toMatch(/already taken place/);
      expect(resendRefusal({ kind, channel: 'sms', patient, appointment: ahead, now })).toBeNull();
    }
    expect(
      resendRefusal({ kind: 'cancellation_notice', channel: 'sms', patient, appointment: cancelled, now }),
    ).toBeNull();
  });

  it('lets a staff notice go again', () => {
    expect(
      resendRefusal({ kind: 'staff_booking_notice', channel: 'email', patient: null, appointment: ahead, now }),
    ).toBeNull();
  });
});
