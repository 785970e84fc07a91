import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ContactConsent, channelRecipient, channelRefusal, firstAllowedChannel } from '../src/consent';
import { NOTIFICATION_CHANNELS } from '../src/constants';

const patient = (over: Partial<ContactConsent> = {}): ContactConsent => ({
  firstName: 'Asha',
  phone: '+919876500001',
  email: 'asha@example.com',
  consentSms: true,
  consentWhatsapp: true,
  consentEmail: true,
  ...over,
});

describe('channelRefusal', () => {
  it('allows a channel with consent and an address', () => {
    for (const channel of NOTIFICATION_CHANNELS) expect(channelRefusal(patient(), channel)).toBeNull();
  });

  it('names the missing consent before the missing address', () => {
    expect(channelRefusal(patient({ consentWhatsapp: false, phone: null }), 'whatsapp')).toBe(
      'Asha has not agreed to WhatsApp messages.',
    );
    expect(channelRefusal(patient({ email: null }), 'email')).toBe('Asha has no email address on record.');
    expect(channelRefusal(patient({ phone: null }), 'sms')).toBe('Asha has no phone number on record.');
  });

  it('never allows a channel without consent or without an address', () => {
    const contact = fc.record({
      firstName: fc.constant('Asha'),
      phone: fc.option(fc.constant('+919876500001')),
      email: fc.option(fc.constant('a@example.com')),
      consentSms: fc.boolean(),
      consentWhatsapp: fc.boolean(),
      consentEmail: fc.boolean(),
    });
    fc.assert(
      fc.property(contact, fc.constantFrom(...NOTIFICATION_CHANNELS), (p, channel) => {
        const consent = { sms: p.consentSms, whatsapp: p.consentWhatsapp, email: p.consentEmail }[channel];
        const allowed = channelRefusal(p, channel) === null;
        expect(allowed).toBe(consent && channelRecipient(p, channel) !== null);
      }),
    );
  });
});

describe('firstAllowedChannel', () => {
  it('takes WhatsApp, then SMS, then email, skipping what the patient refused or cannot receive', () => {
    expect(firstAllowedChannel(patient())).toBe('whatsapp');
    expect(firstAllowedChannel(patient({ consentWhatsapp: false }))).toBe('sms');
    expect(firstAllowedChannel(patient({ consentWhatsapp: false, phone: null }))).toBe('email');
    expect(firstAllowedChannel(patient({ consentWhatsapp: false, consentSms: false, email: null }))).toBeNull();
  });

  it('never picks a channel the patient may not be reached on', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (sms, wa, mail, phone, email) => {
          const p = patient({
            consentSms: sms,
            consentWhatsapp: wa,
            consentEmail: mail,
            phone: phone ? '+919876500001' : null,
            email: email ? 'a@example.com' : null,
          });
          const chosen = firstAllowedChannel(p);
          if (chosen) expect(channelRefusal(p, chosen)).toBeNull();
          else for (const channel of NOTIFICATION_CHANNELS) expect(channelRefusal(p, channel)).not.toBeNull();
        },
      ),
    );
  });
});
