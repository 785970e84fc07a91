'use client';
import {
  type Answer,
  type Answers,
  answerProblems,
  latestToday,
  type Questionnaire,
  visibleQuestions,
} from '@carelane/core';
import { Alert, Button } from '@carelane/ui';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { QuestionField } from './question-field';
import { SignatureField } from './signature-field';

export type SendResult = { answers?: Record<string, string>; signature?: string; message?: string } | null;

/**
 * Steps 2 and 3: the questions shown by the current answers, checked by core's rules as the
 * patient goes (a problem shows once the question was left or a send was tried), then the
 * signature. `onSend` resolves with the server's field errors, if any, to show beside the questions.
 */
export function QuestionsStep({
  questionnaire,
  sending,
  onSend,
}: {
  questionnaire: Questionnaire;
  sending: boolean;
  onSend: (answers: Answers, signature: string) => Promise<SendResult>;
}) {
  const [answers, setAnswers] = useState<Answers>({});
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [tried, setTried] = useState(false);
  const [signature, setSignature] = useState<string | null>(null);
  const [server, setServer] = useState<NonNullable<SendResult>>({});
  const formRef = useRef<HTMLFormElement>(null);
  // A second tap can land before the disabled button renders; the form is sent once.
  const inFlight = useRef(false);
  const today = latestToday();

  const shown = visibleQuestions(questionnaire, answers);
  const problems = useMemo(() => {
    const byId = new Map<string, string>();
    for (const p of answerProblems(questionnaire, answers, latestToday())) byId.set(p.questionId, p.message);
    return byId;
  }, [questionnaire, answers]);

  const problemOf = (id: string) =>
    (tried || touched.has(id) ? problems.get(id) : undefined) ?? server.answers?.[id] ?? null;
  const signatureProblem = (tried && !signature ? 'Sign in the box before sending' : null) ?? server.signature ?? null;

  function change(id: string, value: Answer) {
    setAnswers((a) => ({ ...a, [id]: value }));
    setServer(({ answers: byId, ...rest }) => {
      const { [id]: _, ...others } = byId ?? {};
      return { ...rest, answers: others };
    });
  }

  function touch(id: string) {
    setTouched((t) => (t.has(id) ? t : new Set(t).add(id)));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    const blocking = shown.filter((q) => problems.has(q.id));
    if (blocking.length > 0 || !signature) {
      focusFirstProblem(blocking[0]?.id ?? null);
      return;
    }
    if (inFlight.current) return;
    inFlight.current = true;
    const result = await onSend(answers, signature).finally(() => {
      inFlight.current = false;
    });
    if (result) {
      setServer(result);
      focusFirstProblem(Object.keys(result.answers ?? {})[0] ?? null);
    }
  }

  function focusFirstProblem(questionId: string | null) {
    // After React has rendered the messages, so the focused field reads out its error.
    requestAnimationFrame(() => {
      const form = formRef.current;
      const target = questionId
        ? form?.querySelector<HTMLElement>(`[data-question="${CSS.escape(questionId)}"] :is(input, textarea)`)
        : form?.querySelector<HTMLElement>('[data-testid="signature-pad"]');
      target?.focus();
      target?.scrollIntoView({ block: 'center' });
    });
  }

  const count = shown.filter((q) => problemOf(q.id)).length + (signatureProblem ? 1 : 0);
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-6">
      <div>
        <h1 className="outline-none text-xl font-semibold text-slate-900">Your medical history</h1>
        <p className="mt-2 text-base text-slate-700">
          Answer the questions below for the clinic. Questions marked (optional) can be left blank.
        </p>
      </div>
      <ol className="space-y-6">
        {shown.map((question) => (
          <li key={question.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <QuestionField
              question={question}
              value={answers[question.id]}
              error={problemOf(question.id)}
              maxDate={today}
              onChange={(value) => change(question.id, value)}
              onBlur={() => touch(question.id)}
            />
          </li>
        ))}
      </ol>
      <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <SignatureField
          error={signatureProblem}
          onChange={(value) => {
            setSignature(value);
            setServer(({ signature: _, ...rest }) => rest);
          }}
        />
      </section>
      <div className="space-y-2">
        {tried && count > 0 ? (
          <Alert>{count === 1 ? 'One answer needs your attention.' : `${count} answers need your attention.`}</Alert>
        ) : null}
        {server.message ? <Alert>{server.message}</Alert> : null}
      </div>
      <Button type="submit" busy={sending} className="min-h-12 w-full text-base">
        {sending ? 'Sending…' : 'Send to the clinic'}
      </Button>
    </form>
  );
}
