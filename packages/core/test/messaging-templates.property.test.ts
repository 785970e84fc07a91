import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOTIFICATION_CHANNELS } from '../src';
import {
  checkTemplate,
  DEFAULT_TEMPLATES,
  exampleValues,
  KIND_VARIABLES,
  MESSAGE_KINDS,
  MESSAGE_LANGUAGES,
  parseTemplate,
  previewTemplate,
  renderTemplate,
} from '../src/messaging';

const kind = fc.constantFrom(...MESSAGE_KINDS);
const channel = fc.constantFrom(...NOTIFICATION_CHANNELS);
const noBraces = fc.string({ unit: 'grapheme', maxLength: 60 }).map((s) => s.replace(/[{}]/g, ''));
const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,12}$/);
const placeholder = fc
  .tuple(name, fc.constantFrom('', ' ', '  '), fc.constantFrom('', ' '))
  .map(([n, before, after]) => ({ name: n, text: `{{${before}${n}${after}}}` }));
/** Alternating brace-free text and placeholders: always a well-formed template. */
const wellFormed = fc
  .array(fc.tuple(noBraces, placeholder), { maxLength: 6 })
  .chain((pieces) => noBraces.map((tail) => ({ pieces, tail })));

describe('template properties', () => {
  it('text without braces parses to itself and renders to itself', () => {
    fc.assert(
      fc.property(noBraces, (text) => {
        const parsed = parseTemplate(text);
        expect(parsed.problems).toEqual([]);
        expect(renderTemplate(parsed, {})).toBe(text);
      }),
    );
  });

  it('rendering a well-formed template never leaves {{ and puts each value where its placeholder was', () => {
    fc.assert(
      fc.property(wellFormed, noBraces, ({ pieces, tail }, value) => {
        const text = pieces.map(([t, p]) => t + p.text).join('') + tail;
        const parsed = parseTemplate(text);
        expect(parsed.problems).toEqual([]);
        const values = Object.fromEntries(pieces.map(([, p]) => [p.name, value]));
        const out = renderTemplate(parsed, values);
        expect(out).not.toContain('{{');
        expect(out).toBe(pieces.map(([t]) => t + value).join('') + tail);
      }),
    );
  });

  it('any text with a brace either parses cleanly or has a problem, and never crashes', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }).map((s) => `${s}{${s}`),
        (text) => {
          const parsed = parseTemplate(text);
          if (parsed.problems.length === 0) {
            const values = Object.fromEntries(
              parsed.tokens.flatMap((t) => (t.type === 'variable' ? [[t.name, '']] : [])),
            );
            expect(renderTemplate(parsed, values)).not.toMatch(/[{}]/);
          } else {
            expect(() => renderTemplate(parsed, {})).toThrow();
          }
        },
      ),
    );
  });

  it('an unknown variable is always named in a problem on its field', () => {
    fc.assert(
      fc.property(kind, channel, name, noBraces, (k, c, unknown, text) => {
        fc.pre(!(KIND_VARIABLES[k].allowed as readonly string[]).includes(unknown));
        const body = `${text}{{${unknown}}}`;
        const problems = checkTemplate(k, { subject: c === 'email' ? 'Hello' : undefined, body }, c);
        expect(problems.some((p) => p.field === 'body' && p.message.includes(`{{${unknown}}}`))).toBe(true);
      }),
    );
  });

  it('a template using only allowed variables renders with any values of its kind', () => {
    fc.assert(
      fc.property(kind, fc.constantFrom(...MESSAGE_LANGUAGES), fc.nat(), (k, language, seed) => {
        const allowed = KIND_VARIABLES[k].allowed;
        const body = allowed.map((v, i) => (i % 2 === seed % 2 ? `{{${v}}}` : `{{ ${v} }}`)).join(' · ');
        expect(checkTemplate(k, { body }, 'whatsapp', language)).toEqual([]);
        const values = exampleValues(k, language);
        expect(renderTemplate(parseTemplate(body), values)).toBe(allowed.map((v) => values[v]).join(' · '));
      }),
    );
  });
});

describe('default templates', () => {
  const all = MESSAGE_LANGUAGES.flatMap((language) =>
    MESSAGE_KINDS.flatMap((k) => NOTIFICATION_CHANNELS.map((c) => [language, k, c] as const)),
  );

  it.each(all)('%s %s %s passes its check and previews without braces', (language, k, c) => {
    const template = DEFAULT_TEMPLATES[language][k][c];
    expect(checkTemplate(k, template, c, language)).toEqual([]);
    expect(template.subject !== undefined).toBe(c === 'email');
    const preview = previewTemplate(k, template, language);
    expect(`${preview.subject ?? ''}${preview.body}`).not.toMatch(/[{}]/);
  });

  it('Hindi defaults are written in Devanagari', () => {
    for (const k of MESSAGE_KINDS) {
      for (const c of NOTIFICATION_CHANNELS) {
        const text = parseTemplate(DEFAULT_TEMPLATES.hi[k][c].body)
          .tokens.map((t) => (t.type === 'text' ? t.text : ''))
          .join('');
        const devanagari = text.match(/[\u0900-\u097F]/g)?.length ?? 0;
        const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
        expect(devanagari, `${k} ${c}`).toBeGreaterThan(latin * 5);
      }
    }
  });

  it('keeps the English wording the four existing kinds had', () => {
    const en = DEFAULT_TEMPLATES.en;
    expect(
      renderTemplate(parseTemplate(en.otp_sign_in.sms.body), { code: '123456', organizationName: 'Sunrise' }),
    ).toBe('123456 is your Sunrise sign-in code. It expires in 10 minutes. Do not share it with anyone.');
    expect(previewTemplate('payment_link', en.payment_link.email)).toEqual({
      subject: 'Sunrise Health Clinics: ₹1,500 to pay',
      body: 'Sunrise Health Clinics: ₹1,500 is due for invoice INV-2024-0012. Pay securely here: https://sunrise.carelane.in/forms/Xy7kQ2mWbT4pLz8RfA3n9c',
    });
    expect(en.form_link.email.subject).toBe('{{organizationName}}: your medical-history form');
    expect(en.waitlist_offer.email.subject).toBe('{{organizationName}}: an earlier time is free');
  });
});
