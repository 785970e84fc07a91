'use client';
import { type KeyboardEvent, useId, useState } from 'react';

/**
 * A list of short words (specialisations, languages) typed one at a time: Enter or a comma adds
 * one, each has a remove button, and suggestions come from what colleagues already use.
 */
export function TagInput({
  label,
  values,
  onChange,
  suggestions = [],
  hint,
  error,
}: {
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  suggestions?: string[];
  hint?: string;
  error?: string | null;
}) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const add = (text: string) => {
    const value = text.trim().replace(/,$/, '').trim();
    setDraft('');
    if (!value || values.some((v) => v.toLowerCase() === value.toLowerCase())) return;
    onChange([...values, value]);
  };
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add(draft);
    } else if (event.key === 'Backspace' && !draft && values.length) {
      onChange(values.slice(0, -1));
    }
  }
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div
        className={`flex flex-wrap items-center gap-2 rounded-md border bg-white px-2 py-2 focus-within:border-teal-700 focus-within:ring-2 focus-within:ring-teal-700/30 ${error ? 'border-red-700' : 'border-slate-300'}`}
      >
        <ul className="contents" aria-label={`${label} chosen`}>
          {values.map((value) => (
            <li
              key={value}
              className="flex items-center gap-1 rounded-full bg-teal-50 py-0.5 pr-1 pl-3 text-sm text-teal-900"
            >
              {value}
              <button
                type="button"
                onClick={() => onChange(values.filter((v) => v !== value))}
                aria-label={`Remove ${value}`}
                className="flex h-6 w-6 items-center justify-center rounded-full text-teal-800 hover:bg-teal-100 focus-visible:outline-2 focus-visible:outline-teal-700"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <input
          id={id}
          value={draft}
          onChange={(e) => (e.target.value.endsWith(',') ? add(e.target.value) : setDraft(e.target.value))}
          onKeyDown={onKeyDown}
          onBlur={() => add(draft)}
          list={`${id}-list`}
          autoComplete="off"
          maxLength={80}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          placeholder={values.length ? 'Add another' : 'Type and press Enter'}
          className="min-w-32 flex-1 border-0 bg-transparent px-1 py-1 text-base text-slate-900 outline-none placeholder:text-slate-500"
        />
      </div>
      <datalist id={`${id}-list`}>
        {suggestions
          .filter((s) => !values.includes(s))
          .map((s) => (
            <option key={s} value={s} />
          ))}
      </datalist>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
