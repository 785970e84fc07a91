'use client';
import type { RouterOutputs } from '@carelane/api/client';
import { errorMessage, trpc } from '@carelane/api/react';
import { VITAL_RANGES, type VitalName } from '@carelane/core';
import { Alert, Button, EmptyState, ErrorState, Skeleton } from '@carelane/ui';
import { useState } from 'react';
import { NoteForm } from './note-form';

type Note = RouterOutputs['clinicalNotes']['list']['notes'][number];
type Version = Note['amendments'][number];

const WHEN = new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeStyle: 'short' });
const isVital = (name: string): name is VitalName => name in VITAL_RANGES;

/** The text of a note or amendment, or null for a reader who may only know it exists. */
function textOf(
  v: Note | Version,
): { body: string; vitals: Record<string, number | undefined> | null; reason: string | null } | null {
  return 'body' in v ? { body: v.body, vitals: v.vitals, reason: v.amendReason } : null;
}

function VitalsLine({ vitals }: { vitals: Record<string, number | undefined> | null }) {
  const readings = Object.entries(vitals ?? {}).flatMap(([k, v]) =>
    isVital(k) && typeof v === 'number' ? [`${VITAL_RANGES[k].label} ${v} ${VITAL_RANGES[k].unit}`] : [],
  );
  return readings.length ? <p className="mt-1 text-sm text-slate-700">{readings.join(' · ')}</p> : null;
}

type Vitals = Record<string, number | undefined> | null;

function NoteCard({ note, onAmend }: { note: Note; onAmend: ((body: string, vitals: Vitals) => void) | null }) {
  const text = textOf(note);
  const versions = note.amendments.map((a) => ({ a, text: textOf(a) }));
  const latest = versions.at(-1)?.text ?? text;
  const what = note.kind === 'session' ? 'Session' : 'Note';
  return (
    <article aria-label={`${what} by ${note.author.name}`} className="rounded-lg border border-slate-200 bg-white p-4">
      <p className="text-sm text-slate-600">
        <span className="font-semibold text-slate-900">{what}</span> by {note.author.name} on{' '}
        {WHEN.format(new Date(note.createdAt))}
        {note.visit ? ` · visit of ${WHEN.format(new Date(note.visit.startsAt))}` : ''}
        {note.amended ? ` · amended ${note.amendments.length}×` : ''}
      </p>
      {latest ? (
        <>
          <p className="mt-2 text-sm whitespace-pre-wrap text-slate-900">{latest.body}</p>
          <VitalsLine vitals={latest.vitals} />
        </>
      ) : (
        <p className="mt-1 text-sm text-slate-500 italic">Only clinicians can read clinical notes.</p>
      )}
      {text && versions.length ? (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-teal-800">Earlier versions and reasons</summary>
          <ol className="mt-2 space-y-2 border-l-2 border-slate-200 pl-3">
            <li>
              <p className="text-slate-600">Original, {WHEN.format(new Date(note.createdAt))}</p>
              <p className="whitespace-pre-wrap text-slate-800">{text.body}</p>
            </li>
            {versions.map(({ a, text: t }) => (
              <li key={a.id}>
                <p className="text-slate-600">
                  Amended by {a.author.name}, {WHEN.format(new Date(a.createdAt))}
                  {t?.reason ? `: ${t.reason}` : ''}
                </p>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {onAmend && latest ? (
        <Button variant="ghost" className="mt-2" onClick={() => onAmend(latest.body, latest.vitals)}>
          Amend<span className="sr-only"> this {what.toLowerCase()}</span>
        </Button>
      ) : null}
    </article>
  );
}

/**
 * Clinical notes and sessions. Clinicians and admins read and write them; other roles see only
 * that a note exists, by whom and when (the server leaves the text out for them).
 */
export function NotesTab({ patientId, canWrite }: { patientId: string; canWrite: boolean }) {
  const notes = trpc.clinicalNotes.list.useQuery({ patientId });
  const [writing, setWriting] = useState<{ amends: string | null; body: string; vitals: Vitals } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (notes.error) return <ErrorState message={errorMessage(notes.error)} onRetry={() => void notes.refetch()} />;
  if (!notes.data) return <Skeleton className="h-40" />;
  const items = notes.data.notes;

  return (
    <div className="space-y-4">
      <div aria-live="polite">{notice ? <Alert tone="success">{notice}</Alert> : null}</div>
      {!notes.data.textVisible && items.length ? (
        <p className="text-sm text-slate-600">
          Only clinicians and admins read clinical notes; you see who wrote them and when.
        </p>
      ) : null}
      {canWrite && !writing ? (
        <Button onClick={() => setWriting({ amends: null, body: '', vitals: null })}>Add a note or session</Button>
      ) : null}
      {writing ? (
        <NoteForm
          patientId={patientId}
          amends={writing.amends}
          initialBody={writing.body}
          initialVitals={writing.vitals}
          onDone={(message) => {
            setWriting(null);
            if (message) setNotice(message);
          }}
        />
      ) : null}
      {items.length === 0 ? (
        <EmptyState title="No clinical notes yet" />
      ) : (
        <ol aria-label="Clinical notes" className="space-y-3">
          {items.map((n) => (
            <li key={n.id}>
              <NoteCard
                note={n}
                onAmend={
                  // Only the note's author or an admin may amend it; the server says which notes.
                  canWrite && n.canAmend && !writing
                    ? (body, vitals) => setWriting({ amends: n.id, body, vitals })
                    : null
                }
              />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
