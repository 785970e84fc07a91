import {
  type Answer,
  type Answers,
  type Question,
  type Questionnaire,
  visibleQuestions,
  YES_NO_OPTIONS,
} from '@carelane/core';
import { useState } from 'react';

const INPUT =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 focus:border-teal-700 focus:ring-2 focus:ring-teal-700/30 focus:outline-none';

/**
 * The questions as the patient will see them; answers typed here are not kept, they only show
 * which questions appear after which answer.
 */
export function QuestionnairePreview({ questionnaire }: { questionnaire: Questionnaire }) {
  const [answers, setAnswers] = useState<Answers>({});
  const shown = visibleQuestions(questionnaire, answers);
  const set = (id: string, answer: Answer) => setAnswers((a) => ({ ...a, [id]: answer }));
  return (
    <section aria-labelledby="preview-heading" className="space-y-4">
      <div>
        <h2 id="preview-heading" className="text-lg font-semibold text-slate-900">
          Preview
        </h2>
        <p className="text-sm text-slate-600">What the patient sees. Try answers to see conditional questions.</p>
      </div>
      <div className="space-y-5 rounded-lg border border-slate-200 bg-slate-50 p-4">
        {shown.length === 0 ? <p className="text-sm text-slate-600">No questions yet.</p> : null}
        {shown.map((q) => (
          <PreviewQuestion key={q.id} question={q} answer={answers[q.id]} onAnswer={(a) => set(q.id, a)} />
        ))}
      </div>
    </section>
  );
}

function Title({ question }: { question: Question }) {
  return (
    <>
      {question.label || 'Untitled question'}
      {question.required ? (
        <span className="text-red-700">
          <span aria-hidden="true"> *</span>
          <span className="sr-only"> (required)</span>
        </span>
      ) : null}
    </>
  );
}

function PreviewQuestion({
  question,
  answer,
  onAnswer,
}: {
  question: Question;
  answer: Answer | undefined;
  onAnswer: (answer: Answer) => void;
}) {
  const id = `preview-${question.id}`;
  const help = question.help ? (
    <p id={`${id}-help`} className="text-sm text-slate-600">
      {question.help}
    </p>
  ) : null;
  const describedBy = question.help ? `${id}-help` : undefined;
  const choices =
    question.type === 'yes_no'
      ? YES_NO_OPTIONS
      : question.type === 'radio' || question.type === 'checkbox'
        ? (question.options ?? [])
        : null;

  if (choices) {
    const many = question.type === 'checkbox';
    const ticked = Array.isArray(answer) ? answer : [];
    return (
      <fieldset className="space-y-2" aria-describedby={describedBy}>
        <legend className="text-base font-medium text-slate-900">
          <Title question={question} />
        </legend>
        {help}
        <div className="space-y-1">
          {choices.map((o) => (
            <label key={o.value} className="flex min-h-10 items-center gap-3 text-base text-slate-800">
              <input
                type={many ? 'checkbox' : 'radio'}
                name={id}
                value={o.value}
                checked={many ? ticked.includes(o.value) : answer === o.value}
                onChange={(e) =>
                  onAnswer(
                    many ? (e.target.checked ? [...ticked, o.value] : ticked.filter((v) => v !== o.value)) : o.value,
                  )
                }
                className="h-5 w-5 accent-teal-700"
              />
              {o.label || 'Untitled answer'}
            </label>
          ))}
        </div>
      </fieldset>
    );
  }
  const value = typeof answer === 'string' ? answer : '';
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-base font-medium text-slate-900">
        <Title question={question} />
      </label>
      {help}
      {question.type === 'textarea' ? (
        <textarea
          id={id}
          rows={3}
          value={value}
          aria-describedby={describedBy}
          onChange={(e) => onAnswer(e.target.value)}
          className={INPUT}
        />
      ) : (
        <input
          id={id}
          type={question.type === 'date' ? 'date' : 'text'}
          value={value}
          aria-describedby={describedBy}
          onChange={(e) => onAnswer(e.target.value)}
          className={INPUT}
        />
      )}
    </div>
  );
}
