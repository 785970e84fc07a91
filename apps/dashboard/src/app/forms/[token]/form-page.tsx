'use client';
import { trpc } from '@carelane/api/react';
import type { Answers, Questionnaire } from '@carelane/core';
import { Alert, Button, Spinner } from '@carelane/ui';
import { useCallback, useEffect, useRef, useState } from 'react';
import { BirthDateStep } from './birth-date-step';
import { callError } from './call-error';
import { type Clinic, FormShell } from './clinic-header';
import { CLOSED_TITLES, ClosedPage } from './closed-page';
import { QuestionsStep, type SendResult } from './questions-step';

type Step =
  | { name: 'loading' }
  | { name: 'unreachable'; message: string }
  | { name: 'closed'; title: string; message: string }
  | { name: 'confirm'; notice: string | null }
  | { name: 'answer'; pass: string; questionnaire: Questionnaire }
  | { name: 'sent'; message: string };

/**
 * The patient's path through a form link: open it, confirm the birth date, answer and sign,
 * send once, thank you. Any closed state the API reports ends the path on a page of its own.
 */
export function FormPage({ token }: { token: string }) {
  const [step, setStep] = useState<Step>({ name: 'loading' });
  const [clinic, setClinic] = useState<Clinic | null>(null);
  const [birthDateError, setBirthDateError] = useState<string | null>(null);
  const open = trpc.forms.open.useMutation();
  const confirm = trpc.forms.confirm.useMutation();
  const submit = trpc.forms.submit.useMutation();
  const started = useRef(false);

  /** NOT_FOUND, CONFLICT (closed meanwhile) and FORBIDDEN on confirm (locked) end the path. */
  const closeOn = useCallback((code: string | null, message: string, lockedOnForbidden: boolean) => {
    if (code === 'NOT_FOUND') setStep({ name: 'closed', title: CLOSED_TITLES.unknown, message });
    else if (code === 'CONFLICT') setStep({ name: 'closed', title: CLOSED_TITLES.closed, message });
    else if (code === 'FORBIDDEN' && lockedOnForbidden)
      setStep({ name: 'closed', title: CLOSED_TITLES.locked, message });
    else return false;
    return true;
  }, []);

  const load = useCallback(() => {
    setStep({ name: 'loading' });
    open.mutate(
      { token },
      {
        onSuccess: (result) => {
          setClinic(result.clinic);
          if (result.state === 'ready') setStep({ name: 'confirm', notice: null });
          else setStep({ name: 'closed', title: CLOSED_TITLES[result.state], message: result.message });
        },
        onError: (error) => {
          const { code, message } = callError(error);
          if (!closeOn(code, message, false)) setStep({ name: 'unreachable', message });
        },
      },
    );
  }, [token, open.mutate, closeOn]);

  useEffect(() => {
    // A step replaces the page's content: focus its heading, so a screen reader reads where the patient is.
    if (step.name === 'loading') return;
    const heading = document.querySelector<HTMLElement>('main h1');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus();
  }, [step.name]);

  useEffect(() => {
    // Once per page: opening marks the link opened and counts against its rate limit.
    if (started.current) return;
    started.current = true;
    load();
  }, [load]);

  function confirmBirthDate(birthDate: string) {
    setBirthDateError(null);
    confirm.mutate(
      { token, birthDate },
      {
        onSuccess: (result) => {
          setClinic(result.clinic);
          setStep({ name: 'answer', pass: result.pass, questionnaire: result.questionnaire });
        },
        onError: (error) => {
          const { code, message, details } = callError(error);
          if (closeOn(code, message, true)) return;
          setBirthDateError(details.find((d) => d.field === 'birthDate')?.message ?? message);
        },
      },
    );
  }

  async function send(pass: string, answers: Answers, signature: string): Promise<SendResult> {
    try {
      const result = await submit.mutateAsync({ token, pass, answers, signature });
      setStep({ name: 'sent', message: result.message });
      window.scrollTo({ top: 0 });
      return null;
    } catch (error) {
      const { code, message, details } = callError(error);
      if (closeOn(code, message, false)) return null;
      if (code === 'FORBIDDEN') {
        // The pass ran out while the patient was answering: confirm again (answers are lost).
        setStep({ name: 'confirm', notice: message });
        return null;
      }
      if (code === 'BAD_REQUEST' && details.length > 0) {
        const byQuestion: Record<string, string> = {};
        let signatureProblem: string | undefined;
        const other: string[] = [];
        for (const d of details) {
          if (d.field.startsWith('answers.')) byQuestion[d.field.slice('answers.'.length)] = d.message;
          else if (d.field === 'signature') signatureProblem = d.message;
          else other.push(d.message);
        }
        return {
          answers: byQuestion,
          ...(signatureProblem ? { signature: signatureProblem } : {}),
          ...(other.length > 0 ? { message: other.join(' ') } : {}),
        };
      }
      return { message };
    }
  }

  return (
    <FormShell clinic={clinic}>
      {step.name === 'loading' ? (
        <div className="py-12 text-center text-base text-slate-700">
          <Spinner label="Opening your form…" />
        </div>
      ) : step.name === 'unreachable' ? (
        <div className="space-y-4">
          <Alert>{step.message}</Alert>
          <Button onClick={load} className="min-h-12 w-full text-base">
            Try again
          </Button>
        </div>
      ) : step.name === 'closed' ? (
        <ClosedPage title={step.title} message={step.message} />
      ) : step.name === 'confirm' ? (
        <BirthDateStep
          onConfirm={confirmBirthDate}
          busy={confirm.isPending}
          error={birthDateError}
          notice={step.notice}
        />
      ) : step.name === 'answer' ? (
        <QuestionsStep
          questionnaire={step.questionnaire}
          sending={submit.isPending}
          onSend={(answers, signature) => send(step.pass, answers, signature)}
        />
      ) : (
        <section aria-labelledby="sent-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h1 id="sent-title" className="outline-none text-xl font-semibold text-slate-900">
            Thank you
          </h1>
          <p className="mt-3 text-base text-slate-700">{step.message}</p>
          <p className="mt-2 text-base text-slate-700">You can close this page now.</p>
        </section>
      )}
    </FormShell>
  );
}
