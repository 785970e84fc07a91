import { describe, expect, it } from 'vitest';
import {
  checkTemplate,
  exampleValues,
  parseTemplate,
  previewTemplate,
  renderMessage,
  renderTemplate,
  smsSegments,
  templateVariables,
} from '../src/messaging';

describe('parseTemplate', () => {
  it('splits text and placeholders, spaces allowed inside the braces', () => {
    const parsed = parseTemplate('Hello {{ patientName }}, see you {{date}}.');
    expect(parsed.problems).toEqual([]);
    expect(parsed.tokens).toEqual([
      { type: 'text', text: 'Hello ', start: 0 },
      { type: 'variable', name: 'patientName', start: 6, end: 23 },
      { type: 'text', text: ', see you ', start: 23 },
      { type: 'variable', name: 'date', start: 33, end: 41 },
      { type: 'text', text: '.', start: 41 },
    ]);
    expect(templateVariables(parseTemplate('{{a}} {{b}} {{a}}'))).toEqual(['a', 'b']);
  });

  it('reports unclosed, stray and single braces, and logic inside them', () => {
    const messages = (text: string) => parseTemplate(text).problems.map((p) => p.message);
    expect(messages('Hi {{patientName')).toEqual(['"{{patientName" opens {{ without closing it with }}.']);
    expect(messages('Hi {{patientName {{date}}')[0]).toContain('without closing it');
    expect(messages('Hi patientName}}')).toEqual(['}} closes nothing: variables are written {{name}}.']);
    expect(messages('Hi {patientName}')).toHaveLength(2);
    expect(messages('{{#if code}}')[0]).toBe(
      '"{{#if code}}" is not a variable: write one name between the braces, like {{patientName}}.',
    );
    expect(messages('{{ }}')).toHaveLength(1);
  });

  it('keeps a malformed piece as text so the tokens still spell the whole template', () => {
    const text = 'a {{b c}} d {{e}} }';
    const parsed = parseTemplate(text);
    expect(parsed.problems).toHaveLength(2);
    const spelled = parsed.tokens.map((t) => (t.type === 'text' ? t.text : text.slice(t.start, t.end))).join('');
    expect(spelled).toBe(text);
  });
});

describe('renderTemplate', () => {
  it('fills placeholders and never parses a value again', () => {
    expect(renderTemplate(parseTemplate('{{code}} is your code'), { code: '{{link}}' })).toBe('{{link}} is your code');
  });

  it('throws on a missing value or a broken template', () => {
    expect(() => renderTemplate(parseTemplate('{{code}}'), {})).toThrow('No value for {{code}}');
    expect(() => renderTemplate(parseTemplate('{{code}'), { code: '1' })).toThrow('cannot be rendered');
    // An inherited property is not a value.
    expect(() => renderTemplate(parseTemplate('{{toString}}'), {})).toThrow('No value');
  });
});

describe('renderMessage', () => {
  it('renders subject and body with values typed by kind', () => {
    const template = { subject: 'Your {{organizationName}} code', body: '{{code}} is your code' };
    expect(renderMessage('otp_sign_in', template, { code: '123456', organizationName: 'Sunrise' })).toEqual({
      subject: 'Your Sunrise code',
      body: '123456 is your code',
    });
    // @ts-expect-error a value the kind needs is missing
    expect(() => renderMessage('otp_sign_in', { body: '{{code}}' }, { organizationName: 'Sunrise' })).toThrow();
  });
});

describe('checkTemplate', () => {
  it('passes a good SMS', () => {
    expect(checkTemplate('otp_sign_in', { body: '{{code}} is your {{organizationName}} code.' }, 'sms')).toEqual([]);
  });

  it('names an unknown variable and lists the allowed ones', () => {
    expect(checkTemplate('otp_sign_in', { body: '{{code}} for {{patientName}}' }, 'sms')).toEqual([
      {
        field: 'body',
        message: '{{patientName}} is not a variable of a sign-in code. Use one of: {{organizationName}}, {{code}}.',
      },
    ]);
  });

  it('wants the variables a kind cannot do without', () => {
    expect(checkTemplate('otp_sign_in', { body: 'Your code is here' }, 'sms')).toEqual([
      { field: 'body', message: 'A sign-in code must contain {{code}}.' },
    ]);
    expect(checkTemplate('payment_link', { body: 'Please pay' }, 'whatsapp')).toEqual([
      { field: 'body', message: 'A payment link must contain {{amount}}, {{link}}.' },
    ]);
  });

  it('refuses an empty body, a missing or two-line email subject, a subject on SMS', () => {
    expect(checkTemplate('otp_sign_in', { body: '  ' }, 'sms')).toEqual([
      { field: 'body', message: 'Write the message text.' },
    ]);
    expect(checkTemplate('otp_sign_in', { body: '{{code}}' }, 'email')).toEqual([
      { field: 'subject', message: 'Write a subject for the email.' },
    ]);
    expect(checkTemplate('otp_sign_in', { subject: 'a\nb', body: '{{code}}' }, 'email')).toEqual([
      { field: 'subject', message: 'The subject must be one line.' },
    ]);
    expect(checkTemplate('otp_sign_in', { subject: 'Code', body: '{{code}}' }, 'sms')).toEqual([
      { field: 'subject', message: 'An SMS has no subject; leave it empty.' },
    ]);
    expect(checkTemplate('otp_sign_in', { subject: '{{code', body: '{{code}}' }, 'email')[0]?.field).toBe('subject');
  });

  it('counts SMS segments after rendering the example values: GSM-7 in English, UCS-2 in Hindi', () => {
    const english = `{{code}} ${'x'.repeat(450)}`; // 457 characters: 3 GSM-7 segments of 153
    expect(checkTemplate('otp_sign_in', { body: english }, 'sms')).toEqual([]);
    const [tooLong] = checkTemplate('otp_sign_in', { body: `${english}xxx` }, 'sms');
    expect(tooLong?.message).toBe(
      'With the example values this SMS is 460 characters, 4 segments (160 characters fit one segment, 153 each when split). Shorten it to 3 segments or fewer.',
    );
    const hindi = `{{code}} ${'क'.repeat(200)}`; // 207 characters: 4 UCS-2 segments of 67
    const [hindiTooLong] = checkTemplate('otp_sign_in', { body: hindi }, 'sms', 'hi');
    expect(hindiTooLong?.message).toContain('207 characters, 4 segments (Hindi letters');
    expect(checkTemplate('otp_sign_in', { body: hindi }, 'whatsapp', 'hi')).toEqual([]);
  });

  it('holds WhatsApp and email to their limits', () => {
    const [whatsapp] = checkTemplate('otp_sign_in', { body: `{{code}}${'x'.repeat(1020)}` }, 'whatsapp');
    expect(whatsapp?.message).toBe(
      'With the example values this WhatsApp message is 1026 characters; the limit is 1024.',
    );
    const [subject] = checkTemplate('otp_sign_in', { subject: 'x'.repeat(151), body: '{{code}}' }, 'email');
    expect(subject).toEqual({
      field: 'subject',
      message: 'With the example values the subject is 151 characters; keep it to 150.',
    });
  });
});

describe('previews and segments', () => {
  it('renders the example values in the chosen language', () => {
    const template = { subject: 'Visit {{date}}', body: '{{patientName}}: {{date}}, {{time}}' };
    expect(previewTemplate('reminder', template)).toEqual({
      subject: 'Visit Tue 3 Dec',
      body: 'Asha Verma: Tue 3 Dec, 6:00 pm',
    });
    expect(previewTemplate('reminder', template, 'hi').body).toBe('आशा वर्मा: मंगल 3 दिस॰, शाम 6:00');
  });

  it('shows what it cannot render as typed, so the preview follows the typing', () => {
    expect(previewTemplate('otp_sign_in', { body: '{{code}} {{nope}} {{code' }).body).toBe('482913 {{nope}} {{code');
  });

  it('gives every allowed variable an example value', () => {
    expect(Object.values(exampleValues('reschedule_notice', 'hi')).every((v) => v.length > 0)).toBe(true);
  });

  it('counts segments the way providers do', () => {
    expect(smsSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', characters: 160, segments: 1 });
    expect(smsSegments('a'.repeat(161)).segments).toBe(2);
    expect(smsSegments('₹'.repeat(70))).toEqual({ encoding: 'UCS-2', characters: 70, segments: 1 });
    expect(smsSegments('नमस्ते'.repeat(12)).segments).toBe(2);
  });
});
