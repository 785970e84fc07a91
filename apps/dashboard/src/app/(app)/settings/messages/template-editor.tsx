'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import {
  checkTemplate,
  KIND_VARIABLES,
  MESSAGE_KIND_LABELS,
  MESSAGE_KINDS,
  MESSAGE_LANGUAGE_LABELS,
  MESSAGE_LANGUAGES,
  type MessageKind,
  type MessageLanguage,
  type NOTIFICATION_CHANNELS,
  type NotificationChannel,
  previewTemplate,
  smsSegments,
  TEMPLATE_VARIABLES,
} from '@carelane/core';
import { Alert, Badge, Button, Card, ErrorState, SelectField, Skeleton, TextField } from '@carelane/ui';
import { useEffect, useRef, useState } from 'react';
import { CHANNEL_LABELS } from './offsets';

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Edit one template at a time with the same check the server runs and a live preview. */
export function TemplateEditor({ canManage }: { canManage: boolean }) {
  const templates = trpc.messageTemplates.list.useQuery();
  const utils = trpc.useUtils();
  const save = trpc.messageTemplates.save.useMutation();
  const reset = trpc.messageTemplates.reset.useMutation();
  const [kind, setKind] = useState<MessageKind>('reminder');
  const [language, setLanguage] = useState<MessageLanguage>('en');
  const [channel, setChannel] = useState<NotificationChannel>('whatsapp');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [confirmReset, setConfirmReset] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  const entry = templates.data?.find((t) => t.kind === kind && t.channel === channel && t.language === language);
  // Load the stored wording whenever another template is chosen or the list reloads.
  useEffect(() => {
    if (!entry) return;
    setSubject(entry.subject ?? '');
    setBody(entry.body);
    setConfirmReset(false);
  }, [entry]);

  if (templates.error) {
    return <ErrorState message={errorMessage(templates.error)} onRetry={() => void templates.refetch()} />;
  }
  if (!templates.data || !entry) return <Skeleton className="h-96" />;

  const template = channel === 'email' ? { subject, body } : { body };
  const problems = checkTemplate(kind, template, channel, language);
  const preview = previewTemplate(kind, template, language);
  const sms = channel === 'sms' ? smsSegments(preview.body) : null;
  const changed = body !== entry.body || (channel === 'email' && subject !== (entry.subject ?? ''));
  const problemsOf = (field: 'subject' | 'body') => problems.filter((p) => p.field === field).map((p) => p.message);
  const name = `${MESSAGE_LANGUAGE_LABELS[language]} ${CHANNEL_LABELS[channel]} ${MESSAGE_KIND_LABELS[kind]}`;

  function insert(variable: string) {
    const area = bodyRef.current;
    const token = `{{${variable}}}`;
    const start = area?.selectionStart ?? body.length;
    const end = area?.selectionEnd ?? body.length;
    setBody(body.slice(0, start) + token + body.slice(end));
    setNotice(null);
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + token.length, start + token.length);
    });
  }

  async function submit() {
    const done = await save
      .mutateAsync({ kind, channel, language, body, ...(channel === 'email' ? { subject } : {}) })
      .catch(() => null);
    if (!done) return;
    setNotice(`Saved the ${name}.`);
    await utils.messageTemplates.list.invalidate();
  }

  async function resetToDefault() {
    const done = await reset.mutateAsync({ kind, channel, language }).catch(() => null);
    setConfirmReset(false);
    if (!done) return;
    setNotice(`The ${name} uses the default wording again.`);
    await utils.messageTemplates.list.invalidate();
  }

  return (
    <Card className="space-y-4 p-4">
      <div className="flex flex-wrap gap-3">
        <SelectField
          label="Message"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as MessageKind);
            setNotice(null);
          }}
          options={MESSAGE_KINDS.map((k) => ({ value: k, label: capital(MESSAGE_KIND_LABELS[k]) }))}
        />
        <SelectField
          label="Language"
          value={language}
          onChange={(e) => {
            setLanguage(e.target.value as MessageLanguage);
            setNotice(null);
          }}
          options={MESSAGE_LANGUAGES.map((l) => ({ value: l, label: MESSAGE_LANGUAGE_LABELS[l] }))}
        />
      </div>
      <div role="tablist" aria-label="Channel" className="flex gap-1 border-b border-slate-200">
        {(['whatsapp', 'sms', 'email'] as const satisfies readonly (typeof NOTIFICATION_CHANNELS)[number][]).map(
          (c) => (
            <button
              key={c}
              type="button"
              role="tab"
              aria-selected={c === channel}
              onClick={() => {
                setChannel(c);
                setNotice(null);
              }}
              className={`-mb-px border-b-2 px-4 py-2 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-teal-700 ${
                c === channel
                  ? 'border-teal-700 text-teal-900'
                  : 'border-transparent text-slate-600 hover:text-slate-900'
              }`}
            >
              {CHANNEL_LABELS[c]}
            </button>
          ),
        )}
      </div>
      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
        {entry.custom ? <Badge tone="brand">Customised</Badge> : <Badge>Default wording</Badge>}
        {entry.custom && entry.updatedBy ? (
          <span>
            Last saved by {entry.updatedBy}
            {entry.updatedAt ? ` on ${entry.updatedAt.toLocaleString()}` : ''}
          </span>
        ) : null}
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <fieldset className="space-y-3" disabled={!canManage}>
          <legend className="sr-only">Wording of the {name}</legend>
          {channel === 'email' ? (
            <TextField
              label="Subject"
              value={subject}
              error={problemsOf('subject').join(' ') || null}
              onChange={(e) => {
                setSubject(e.target.value);
                setNotice(null);
              }}
            />
          ) : null}
          <div className="space-y-1">
            <label htmlFor="template-body" className="block text-sm font-medium text-slate-800">
              Message text
            </label>
            <textarea
              id="template-body"
              ref={bodyRef}
              rows={10}
              value={body}
              aria-invalid={problemsOf('body').length > 0 ? true : undefined}
              aria-describedby="template-body-problems"
              onChange={(e) => {
                setBody(e.target.value);
                setNotice(null);
              }}
              className="block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm focus-visible:outline-2 focus-visible:outline-teal-700"
            />
            <ul id="template-body-problems" className="space-y-1 text-sm font-medium text-red-700" aria-live="polite">
              {problemsOf('body').map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          </div>
          <div className="space-y-1">
            <p className="text-sm font-medium text-slate-800">Insert a variable</p>
            <div className="flex flex-wrap gap-1">
              {KIND_VARIABLES[kind].allowed.map((variable) => (
                <Button
                  key={variable}
                  variant="secondary"
                  title={TEMPLATE_VARIABLES[variable].description}
                  onClick={() => insert(variable)}
                >{`{{${variable}}}`}</Button>
              ))}
            </div>
          </div>
        </fieldset>
        <section aria-labelledby="preview-heading" className="space-y-2">
          <h3 id="preview-heading" className="text-sm font-semibold text-slate-800">
            Preview with example values
          </h3>
          <div
            className="whitespace-pre-wrap [overflow-wrap:anywhere] rounded-md border border-slate-200 bg-slate-50 p-3 text-sm"
            data-testid="preview"
          >
            {preview.subject !== undefined ? <p className="mb-2 font-semibold">{preview.subject}</p> : null}
            {preview.body}
          </div>
          {sms ? (
            <p className="text-sm text-slate-700" data-testid="sms-segments">
              {sms.characters} characters, {sms.segments} {sms.segments === 1 ? 'segment' : 'segments'} (
              {sms.encoding === 'GSM-7' ? 'GSM-7' : 'Unicode'})
            </p>
          ) : null}
        </section>
      </div>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {save.error ? <Alert>{errorMessage(save.error)}</Alert> : null}
      {reset.error ? <Alert>{errorMessage(reset.error)}</Alert> : null}
      {canManage ? (
        <div className="flex flex-wrap items-center gap-2">
          <Button disabled={problems.length > 0 || !changed} busy={save.isPending} onClick={() => void submit()}>
            Save
          </Button>
          {entry.custom && !confirmReset ? (
            <Button variant="secondary" onClick={() => setConfirmReset(true)}>
              Reset to default
            </Button>
          ) : null}
          {confirmReset ? (
            <span className="flex flex-wrap items-center gap-2 text-sm">
              Replace your wording with the default?
              <Button variant="danger" busy={reset.isPending} onClick={() => void resetToDefault()}>
                Yes, reset
              </Button>
              <Button variant="ghost" onClick={() => setConfirmReset(false)}>
                Keep mine
              </Button>
            </span>
          ) : null}
        </div>
      ) : (
        <p className="text-sm text-slate-600">An admin or manager changes the wording.</p>
      )}
    </Card>
  );
}
