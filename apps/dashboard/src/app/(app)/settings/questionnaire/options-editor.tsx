import { QUESTIONNAIRE_LIMITS } from '@carelane/core';
import { Button } from '@carelane/ui';
import { addOption, type DraftQuestion } from './draft';

/** The answers a radio or checkbox question offers: rename, add, remove. */
export function OptionsEditor({
  question,
  number,
  error,
  onChange,
}: {
  question: DraftQuestion;
  number: number;
  error: string | undefined;
  onChange: (change: (q: DraftQuestion) => DraftQuestion) => void;
}) {
  const errorId = `${question.key}-options-error`;
  function rename(key: string, label: string) {
    onChange((q) => ({ ...q, options: q.options.map((o) => (o.key === key ? { ...o, label } : o)) }));
  }
  function remove(key: string) {
    onChange((q) => ({ ...q, options: q.options.filter((o) => o.key !== key) }));
  }
  return (
    <fieldset className="space-y-2" aria-describedby={error ? errorId : undefined}>
      <legend className="text-sm font-medium text-slate-800">Answers to choose from</legend>
      <ol className="space-y-2">
        {question.options.map((option, i) => (
          <li key={option.key} className="flex items-center gap-2">
            <label className="sr-only" htmlFor={`${option.key}-label`}>
              Question {number}, answer {i + 1}
            </label>
            <input
              id={`${option.key}-label`}
              value={option.label}
              maxLength={QUESTIONNAIRE_LIMITS.option}
              onChange={(e) => rename(option.key, e.target.value)}
              placeholder={`Answer ${i + 1}`}
              className="block w-full min-w-0 rounded-md border border-slate-300 px-3 py-2 text-base text-slate-900 focus:border-teal-700 focus:ring-2 focus:ring-teal-700/30 focus:outline-none"
            />
            <Button
              variant="ghost"
              onClick={() => remove(option.key)}
              disabled={question.options.length <= 2}
              className="shrink-0"
            >
              Remove
              <span className="sr-only">
                {' '}
                answer {i + 1} of question {number}
              </span>
            </Button>
          </li>
        ))}
      </ol>
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
      <Button
        variant="secondary"
        onClick={() => onChange(addOption)}
        disabled={question.options.length >= QUESTIONNAIRE_LIMITS.options}
      >
        Add answer<span className="sr-only"> to question {number}</span>
      </Button>
    </fieldset>
  );
}
