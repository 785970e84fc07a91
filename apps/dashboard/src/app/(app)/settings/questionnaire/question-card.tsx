import { QUESTION_TYPES, QUESTIONNAIRE_LIMITS } from '@carelane/core';
import { Button, CheckboxField, SelectField, TextField } from '@carelane/ui';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { type DraftQuestion, isChoice, TYPE_LABELS } from './draft';
import { OptionsEditor } from './options-editor';
import { ShowWhenField } from './show-when-field';

export type FieldProblems = Partial<Record<string, string>>;

const TYPE_OPTIONS = QUESTION_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }));

/** One question: its text, type, answers, required flag, help and condition; moved by handle or buttons. */
export function QuestionCard({
  question,
  number,
  count,
  earlier,
  problems,
  onChange,
  onRemove,
  onMove,
}: {
  question: DraftQuestion;
  number: number;
  count: number;
  earlier: readonly DraftQuestion[];
  problems: FieldProblems;
  onChange: (change: (q: DraftQuestion) => DraftQuestion) => void;
  onRemove: () => void;
  onMove: (by: -1 | 1) => void;
}) {
  const sortable = useSortable({ id: question.key });
  const title = question.label.trim() || 'Untitled question';
  const invalid = Object.values(problems).some(Boolean);
  return (
    <li
      ref={sortable.setNodeRef}
      style={{ transform: CSS.Translate.toString(sortable.transform), transition: sortable.transition }}
      data-question-key={question.key}
      aria-label={`Question ${number}: ${title}`}
      className={`rounded-lg border bg-white shadow-sm ${invalid ? 'border-red-300' : 'border-slate-200'} ${
        sortable.isDragging ? 'relative z-10 shadow-lg ring-2 ring-teal-700/40' : ''
      }`}
    >
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-100 px-3 py-2">
        <button
          type="button"
          ref={sortable.setActivatorNodeRef}
          {...sortable.attributes}
          {...sortable.listeners}
          aria-label={`Drag question ${number} to reorder`}
          aria-describedby={sortable.attributes['aria-describedby']}
          className="flex h-10 w-10 shrink-0 cursor-grab touch-none items-center justify-center rounded-md text-slate-500 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-teal-700 active:cursor-grabbing"
        >
          <span aria-hidden="true" className="text-lg leading-none">
            ⠿
          </span>
        </button>
        <p className="min-w-0 flex-1 truncate text-sm font-semibold text-slate-900">
          {number}. {title}
        </p>
        <div className="flex flex-wrap gap-1">
          <Button
            variant="ghost"
            className="disabled:text-slate-400"
            disabled={number === 1}
            onClick={() => onMove(-1)}
          >
            Move up<span className="sr-only"> question {number}</span>
          </Button>
          <Button
            variant="ghost"
            className="disabled:text-slate-400"
            disabled={number === count}
            onClick={() => onMove(1)}
          >
            Move down<span className="sr-only"> question {number}</span>
          </Button>
          <Button variant="ghost" className="text-red-700" onClick={onRemove}>
            Remove<span className="sr-only"> question {number}</span>
          </Button>
        </div>
      </div>
      <div className="space-y-4 p-4">
        <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_12rem]">
          <TextField
            label={`Question ${number}`}
            value={question.label}
            maxLength={QUESTIONNAIRE_LIMITS.label}
            error={problems.label ?? problems.id}
            onChange={(e) => {
              const label = e.target.value;
              onChange((q) => ({ ...q, label }));
            }}
          />
          <SelectField
            label={`Type of question ${number}`}
            options={TYPE_OPTIONS}
            value={question.type}
            onChange={(e) => {
              const type = QUESTION_TYPES.find((t) => t === e.target.value) ?? question.type;
              onChange((q) => ({ ...q, type }));
            }}
          />
        </div>
        {isChoice(question.type) ? (
          <OptionsEditor question={question} number={number} error={problems.options} onChange={onChange} />
        ) : null}
        <TextField
          label="Help text (optional)"
          value={question.help}
          maxLength={QUESTIONNAIRE_LIMITS.help}
          error={problems.help}
          onChange={(e) => {
            const help = e.target.value;
            onChange((q) => ({ ...q, help }));
          }}
        />
        <CheckboxField
          label={`Question ${number} is required`}
          hint="The patient cannot send the form without answering it (when it is shown)."
          checked={question.required}
          onChange={(e) => {
            const required = e.target.checked;
            onChange((q) => ({ ...q, required }));
          }}
        />
        <ShowWhenField
          question={question}
          number={number}
          earlier={earlier}
          error={problems.showWhen}
          onChange={onChange}
        />
        {problems.type ? <p className="text-sm font-medium text-red-700">{problems.type}</p> : null}
        <p className="text-xs text-slate-500">
          Id <code>{question.id}</code>
          {question.fresh ? ' (set from the text until published)' : ' (kept, so earlier answers still match)'}
        </p>
      </div>
    </li>
  );
}
