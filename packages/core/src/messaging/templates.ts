import { SegmentedMessage } from 'sms-segments-calculator';
import type { NotificationChannel } from '../constants';
import {
  exampleValues,
  KIND_VARIABLES,
  MESSAGE_KIND_LABELS,
  type MessageKind,
  type MessageLanguage,
  type TemplateValues,
  type TemplateVariable,
} from './kinds';
import { type ParsedTemplate, parseTemplate, renderTemplate, type TemplateToken } from './parse';

/** What an organization stores per kind, channel and language; only email has a subject. */
export type MessageTemplate = { subject?: string; body: string };

export type TemplateProblem = { field: 'subject' | 'body'; message: string };

export const TEMPLATE_LIMITS = {
  /** More segments cost more and arrive out of order on some phones. */
  smsSegments: 3,
  /** The body limit of an approved WhatsApp Business template. */
  whatsappCharacters: 1024,
  /** Longer subjects are cut by mail apps; beyond this it is no longer a subject. */
  emailSubjectCharacters: 150,
  emailCharacters: 20_000,
} as const;

/** How an SMS provider will split a text: GSM-7 when every character allows it, else UCS-2. */
export function smsSegments(text: string): { encoding: 'GSM-7' | 'UCS-2'; characters: number; segments: number } {
  const message = new SegmentedMessage(text, 'auto');
  return { encoding: message.encodingName, characters: message.numberOfCharacters, segments: message.segmentsCount };
}

function listVariables(names: readonly string[]): string {
  return names.map((name) => `{{${name}}}`).join(', ');
}

/** Parse problems, then variables the kind does not have, each named once. */
function variableProblems(kind: MessageKind, parsed: ParsedTemplate, field: TemplateProblem['field']) {
  const problems: TemplateProblem[] = parsed.problems.map((p) => ({ field, message: p.message }));
  const allowed: readonly string[] = KIND_VARIABLES[kind].allowed;
  const named = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.type !== 'variable' || allowed.includes(token.name) || named.has(token.name)) continue;
    named.add(token.name);
    problems.push({
      field,
      message: `{{${token.name}}} is not a variable of a ${MESSAGE_KIND_LABELS[kind]}. Use one of: ${listVariables(allowed)}.`,
    });
  }
  return problems;
}

function lengthProblem(channel: NotificationChannel, body: string): string | null {
  if (channel === 'sms') {
    const sms = smsSegments(body);
    if (sms.segments <= TEMPLATE_LIMITS.smsSegments) return null;
    const why =
      sms.encoding === 'UCS-2'
        ? 'Hindi letters, ₹ and other characters outside GSM-7 make it Unicode (UCS-2): 70 characters fit one segment, 67 each when split'
        : '160 characters fit one segment, 153 each when split';
    return `With the example values this SMS is ${sms.characters} characters, ${sms.segments} segments (${why}). Shorten it to ${TEMPLATE_LIMITS.smsSegments} segments or fewer.`;
  }
  const limit = channel === 'whatsapp' ? TEMPLATE_LIMITS.whatsappCharacters : TEMPLATE_LIMITS.emailCharacters;
  if (body.length <= limit) return null;
  const name = channel === 'whatsapp' ? 'WhatsApp message' : 'email';
  return `With the example values this ${name} is ${body.length} characters; the limit is ${limit}.`;
}

/**
 * Everything wrong with a template, as the editor shows it beside each field; empty when it may be
 * saved. Lengths are measured on the text rendered with the kind's example values in `language`,
 * so a Hindi SMS is counted in UCS-2 segments.
 */
export function checkTemplate(
  kind: MessageKind,
  template: MessageTemplate,
  channel: NotificationChannel,
  language: MessageLanguage = 'en',
): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const values = exampleValues(kind, language);
  const subject = template.subject ?? '';

  if (channel === 'email') {
    if (!subject.trim()) problems.push({ field: 'subject', message: 'Write a subject for the email.' });
    else if (/[\r\n]/.test(subject)) problems.push({ field: 'subject', message: 'The subject must be one line.' });
    const parsed = parseTemplate(subject);
    const subjectProblems = variableProblems(kind, parsed, 'subject');
    problems.push(...subjectProblems);
    if (subjectProblems.length === 0 && subject.trim()) {
      const rendered = renderTemplate(parsed, values);
      if (rendered.length > TEMPLATE_LIMITS.emailSubjectCharacters) {
        problems.push({
          field: 'subject',
          message: `With the example values the subject is ${rendered.length} characters; keep it to ${TEMPLATE_LIMITS.emailSubjectCharacters}.`,
        });
      }
    }
  } else if (subject.trim()) {
    problems.push({
      field: 'subject',
      message: `${channel === 'sms' ? 'An SMS' : 'A WhatsApp message'} has no subject; leave it empty.`,
    });
  }

  if (!template.body.trim()) {
    problems.push({ field: 'body', message: 'Write the message text.' });
    return problems;
  }
  const parsed = parseTemplate(template.body);
  const bodyProblems = variableProblems(kind, parsed, 'body');
  problems.push(...bodyProblems);
  const used = new Set(parsed.tokens.flatMap((t) => (t.type === 'variable' ? [t.name] : [])));
  const missing = KIND_VARIABLES[kind].required.filter((name: TemplateVariable) => !used.has(name));
  if (missing.length > 0) {
    problems.push({
      field: 'body',
      message: `A ${MESSAGE_KIND_LABELS[kind]} must contain ${listVariables(missing)}.`,
    });
  }
  if (bodyProblems.length === 0) {
    const tooLong = lengthProblem(channel, renderTemplate(parsed, values));
    if (tooLong) problems.push({ field: 'body', message: tooLong });
  }
  return problems;
}

/**
 * The message to send. `kind` only types the values: they hold every variable of the kind, so with a template that
 * passed checkTemplate this cannot throw.
 */
export function renderMessage<K extends MessageKind>(
  _kind: K,
  template: MessageTemplate,
  values: TemplateValues<K>,
): MessageTemplate {
  const body = renderTemplate(parseTemplate(template.body), values);
  return template.subject === undefined
    ? { body }
    : { subject: renderTemplate(parseTemplate(template.subject), values), body };
}

/** Renders for the live preview: example values; a broken or unknown placeholder shows as typed. */
function previewText(kind: MessageKind, text: string, language: MessageLanguage): string {
  const allowed: readonly string[] = KIND_VARIABLES[kind].allowed;
  const values: Readonly<Record<string, string>> = exampleValues(kind, language);
  const show = (token: TemplateToken) =>
    token.type === 'text'
      ? token.text
      : allowed.includes(token.name)
        ? (values[token.name] ?? '')
        : text.slice(token.start, token.end);
  return parseTemplate(text).tokens.map(show).join('');
}

/** The template as the patient would read it, with the kind's example values. */
export function previewTemplate(
  kind: MessageKind,
  template: MessageTemplate,
  language: MessageLanguage = 'en',
): MessageTemplate {
  const body = previewText(kind, template.body, language);
  return template.subject === undefined ? { body } : { subject: previewText(kind, template.subject, language), body };
}
