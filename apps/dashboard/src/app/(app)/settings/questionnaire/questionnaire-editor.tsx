'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { type ClinicKind, DEFAULT_QUESTIONNAIRES, type Questionnaire, questionnaireProblems } from '@carelane/core';
import { Alert, Button, ErrorState, Skeleton } from '@carelane/ui';
import Link from 'next/link';
import { useEffect, useMemo, useState } from 'react';
import { detailsOf } from '@/components/server-errors';
import { type DraftQuestion, fromDraft, newQuestion, removeQuestion, toDraft, updateQuestion } from './draft';
import { QuestionnairePreview } from './preview';
import type { FieldProblems } from './question-card';
import { QuestionList } from './question-list';
import { TemplatePicker } from './template-picker';

type Notice = { tone: 'error' | 'success' | 'info'; text: string; conflict?: boolean };
type Base = { version: number | null; publishedAt: Date | null; saved: string };

const snapshot = (q: Questionnaire) => JSON.stringify(q);

/** Problems by question key: core's rules as you edit, then any the server named by index. */
function problemsByKey(
  draft: readonly DraftQuestion[],
  questionnaire: Questionnaire,
  server: ReadonlyMap<string, FieldProblems>,
) {
  const byKey = new Map<string, FieldProblems>(server);
  const general: string[] = [];
  for (const p of questionnaireProblems(questionnaire)) {
    const key = draft.find((d) => d.id === p.questionId)?.key;
    if (!key) {
      general.push(p.message);
      continue;
    }
    const fields = { ...byKey.get(key) };
    fields[p.field] ??= p.message;
    byKey.set(key, fields);
  }
  return { byKey, general };
}

/** The organization's medical-history questions: edit, reorder, preview, publish a new version. */
export function QuestionnaireEditor() {
  const current = trpc.forms.questionnaire.useQuery(undefined, { refetchOnWindowFocus: false });
  const profile = trpc.me.profile.useQuery();
  const canManage = profile.data?.permissions.includes('questionnaire:manage') ?? false;
  const publish = trpc.forms.publish.useMutation();
  const [draft, setDraft] = useState<DraftQuestion[] | null>(null);
  const [base, setBase] = useState<Base | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [serverProblems, setServerProblems] = useState<ReadonlyMap<string, FieldProblems>>(new Map());

  function load(data: { version: number | null; publishedAt: Date | null; questionnaire: Questionnaire }) {
    setDraft(toDraft(data.questionnaire));
    setBase({ version: data.version, publishedAt: data.publishedAt, saved: snapshot(data.questionnaire) });
    setServerProblems(new Map());
  }

  // The first answer seeds the editor (state set while rendering, as React allows for derived state).
  if (current.data && draft === null) load(current.data);

  const questionnaire = useMemo(() => fromDraft(draft ?? []), [draft]);
  const dirty = base !== null && snapshot(questionnaire) !== base.saved;
  const { byKey, general } = useMemo(
    () => problemsByKey(draft ?? [], questionnaire, serverProblems),
    [draft, questionnaire, serverProblems],
  );

  // A tab closed or reloaded with unpublished edits asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  if (current.error) return <ErrorState message={errorMessage(current.error)} onRetry={() => void current.refetch()} />;
  if (!draft || !base) {
    return (
      <div className="space-y-3" role="status" aria-label="Loading the questions">
        <Skeleton className="h-10 w-64" />
        <Skeleton className="h-40" />
        <Skeleton className="h-40" />
      </div>
    );
  }

  function edit(next: DraftQuestion[]) {
    setDraft(next);
    setServerProblems(new Map());
    if (notice?.tone === 'success') setNotice(null);
  }

  function add() {
    if (!draft) return;
    const question = newQuestion(draft);
    edit([...draft, question]);
    requestAnimationFrame(() =>
      document.querySelector<HTMLInputElement>(`[data-question-key="${question.key}"] input`)?.focus(),
    );
  }

  function remove(key: string) {
    if (!draft) return;
    const { draft: next, cleared } = removeQuestion(draft, key);
    edit(next);
    if (cleared.length > 0) {
      setNotice({ tone: 'info', text: `Removed. ${cleared.map((l) => `“${l}”`).join(', ')} now always shown.` });
    }
  }

  function reorder(next: DraftQuestion[], movedKey: string) {
    edit(next);
    const at = next.findIndex((d) => d.key === movedKey) + 1;
    setNotice({ tone: 'info', text: `Moved to position ${at} of ${next.length}.` });
  }

  function applyTemplate(kind: ClinicKind) {
    edit(toDraft(DEFAULT_QUESTIONNAIRES[kind]));
    setNotice({ tone: 'info', text: 'Template loaded. Publish to make it the form patients fill in.' });
  }

  function submit() {
    if (!draft || !base) return;
    if (byKey.size > 0 || general.length > 0) {
      const count = [...byKey.values()].reduce((n, f) => n + Object.keys(f).length, 0) + general.length;
      setNotice({
        tone: 'error',
        text: `Fix the ${count === 1 ? 'problem' : `${count} problems`} marked below before publishing.`,
      });
      requestAnimationFrame(() => document.querySelector<HTMLElement>('#questions [aria-invalid="true"]')?.focus());
      return;
    }
    const sent = draft;
    publish.mutate(
      { baseVersion: base.version, questions: questionnaire.questions },
      {
        onSuccess: (result) => {
          load(result);
          setNotice({
            tone: 'success',
            text: `Published version ${result.version}. New form links use it from now on.`,
          });
        },
        onError: (error) => {
          const conflict = error.data?.code === 'CONFLICT';
          setNotice({ tone: 'error', text: errorMessage(error), conflict });
          const mapped = new Map<string, FieldProblems>();
          for (const d of detailsOf(error)) {
            const [, index, field] = /^questions\.(\d+)\.(\w+)/.exec(d.field) ?? [];
            const key = sent[Number(index)]?.key;
            if (key && field) mapped.set(key, { ...mapped.get(key), [field]: d.message });
          }
          setServerProblems(mapped);
        },
      },
    );
  }

  async function loadLatest() {
    const fresh = await current.refetch();
    if (fresh.data) load(fresh.data);
    setNotice({ tone: 'info', text: 'Loaded the latest questions. Make your changes again, then publish.' });
  }

  const nextVersion = (base.version ?? 0) + 1;
  const publishButton = (
    <Button onClick={submit} busy={publish.isPending}>
      Publish version {nextVersion}
    </Button>
  );

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <Link href="/settings" className="text-sm font-medium text-teal-800 underline-offset-2 hover:underline">
          ← Settings
        </Link>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Medical-history form</h1>
        <p className="text-sm text-slate-600" data-testid="questionnaire-version">
          {base.version === null
            ? 'Not published yet: these are the general-practice questions patients get until you publish.'
            : `Version ${base.version}, published ${base.publishedAt?.toLocaleString('en-IN', { dateStyle: 'medium', timeStyle: 'short' }) ?? ''}.`}
          {dirty ? ' You have unpublished changes.' : ''}
        </p>
      </div>
      {notice ? (
        <Alert tone={notice.tone}>
          <span>{notice.text}</span>
          {notice.conflict ? (
            <Button variant="secondary" className="ml-3" onClick={() => void loadLatest()}>
              Load the latest
            </Button>
          ) : null}
        </Alert>
      ) : null}
      {general.length > 0 ? <Alert>{general.join(' ')}</Alert> : null}
      {!canManage ? (
        <Alert tone="info">Only admins and managers can change these questions.</Alert>
      ) : (
        <div className="flex flex-wrap items-end justify-between gap-4">
          <TemplatePicker dirty={dirty} onPick={applyTemplate} />
          {publishButton}
        </div>
      )}
      <div className="grid grid-cols-[minmax(0,1fr)] gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,24rem)]">
        {canManage ? (
          <section id="questions" aria-labelledby="questions-heading" className="space-y-4">
            <h2 id="questions-heading" className="text-lg font-semibold text-slate-900">
              Questions ({draft.length})
            </h2>
            <QuestionList
              draft={draft}
              problems={byKey}
              onChange={(key, change) => edit(updateQuestion(draft, key, change))}
              onReorder={reorder}
              onRemove={remove}
            />
            <div className="flex flex-wrap justify-between gap-3">
              <Button variant="secondary" onClick={add}>
                Add question
              </Button>
              {publishButton}
            </div>
          </section>
        ) : null}
        <div className="lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
          <QuestionnairePreview questionnaire={questionnaire} />
        </div>
      </div>
    </div>
  );
}
