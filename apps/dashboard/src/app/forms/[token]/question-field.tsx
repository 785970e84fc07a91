'use client';
import { type Answer, type Question, YES_NO_OPTIONS } from '@carelane/core';
import { useId } from 'react';

const CONTROL =
  'block w-full rounded-md border border-slate-400 bg-white px-3 py-3 text-base text-slate-900 ' +
  'focus:border-teal-700 focus:outline-none focus:ring-2 focus:ring-teal-700/30 aria-[invalid=true]:border-red-700';

/** A big tappable row: the whole row is the label, so a thumb anywhere on it picks the option. */
const ROW =
  'flex min-h-12 cursor-pointer items-center gap-3 rounded-md border border-slate-300 bg-white px-3 py-2 text-base ' +
  'text-slate-900 has-[:checked]:border-teal-700 has-[:checked]:bg-teal-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-teal-700';

type Props = {
  question: Question;
  value: Answer | undefined;
  error: string | null;
  maxDate: string;
  onChange: (value: Answer) => void;
  onBlur: () => void;
};

/** One question of the questionnaire with its help text and its own error, wired for screen readers. */
export function QuestionField({ question, value, error, maxDate, onChange, onBlur }: Props) {
  const id = useId();
  const helpId = question.help ? `${id}-help` : null;
  const errorId = `${id}-error`;
  const describedBy = [helpId, errorId].filter(Boolean).join(' ');
  const invalid = error ? true : undefined;
  const label = (
    <>
      {question.label}
      {question.required ? null : <span className="font-normal text-slate-600"> (optional)</span>}
    </>
  );
  const help = question.help ? (
    <p id={helpId ?? undefined} className="text-sm text-slate-600">
      {question.help}
    </p>
  ) : null;
  // Always rendered, so a message that appears is read out where it belongs.
  const problem = (
    <p id={errorId} aria-live="polite" className="text-base font-medium text-red-700 empty:hidden">
      {error}
    </p>
  );

  if (question.type === 'radio' || question.type === 'checkbox' || question.type === 'yes_no') {
    const multiple = question.type === 'checkbox';
    const options = question.type === 'yes_no' ? YES_NO_OPTIONS : (question.options ?? []);
    const ticked = Array.isArray(value) ? value : [];
    return (
      <fieldset
        data-question={question.id}
        aria-describedby={describedBy}
        className="space-y-2"
        onBlur={(e) => {
          // Blurring out of the group, not moving between its options.
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) onBlur();
        }}
      >
        <legend className="text-base font-medium text-slate-900">{label}</legend>
        {help}
        <div className={question.type === 'yes_no' ? 'grid grid-cols-2 gap-2' : 'space-y-2'}>
          {options.map((option) => (
            <label key={option.value} className={ROW}>
              <input
                type={multiple ? 'checkbox' : 'radio'}
                name={`${id}-${question.id}`}
                value={option.value}
                // Announced as required; the form checks answers itself (noValidate).
                required={!multiple && question.required}
                aria-invalid={invalid}
                checked={multiple ? ticked.includes(option.value) : value === option.value}
                onChange={(e) =>
                  onChange(
                    multiple
                      ? e.target.checked
                        ? [...ticked, option.value]
                        : ticked.filter((v) => v !== option.value)
                      : option.value,
                  )
                }
                className="h-5 w-5 shrink-0 accent-teal-700"
              />
              <span>{option.label}</span>
            </label>
          ))}
        </div>
        {problem}
      </fieldset>
    );
  }

  const common = {
    id,
    value: typeof value === 'string' ? value : '',
    onBlur,
    'aria-invalid': invalid,
    'aria-required': question.required || undefined,
    'aria-describedby': describedBy,
    className: CONTROL,
  };
  return (
    <div data-question={question.id} className="space-y-1">
      <label htmlFor={id} className="block text-base font-medium text-slate-900">
        {label}
      </label>
      {help}
      {question.type === 'textarea' ? (
        <textarea {...common} rows={4} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={question.type === 'date' ? 'date' : 'text'}
          max={question.type === 'date' ? maxDate : undefined}
          min={question.type === 'date' ? '1900-01-01' : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {problem}
    </div>
  );
}
