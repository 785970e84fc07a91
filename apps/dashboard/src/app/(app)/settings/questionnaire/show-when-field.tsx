import { YES_NO_OPTIONS } from '@carelane/core';
import { SelectField } from '@carelane/ui';
import { type DraftQuestion, isChoice } from './draft';

/** The answers an earlier question can be "shown when": its options, or yes/no. */
function answersOf(q: DraftQuestion): Array<{ value: string; label: string }> {
  if (q.type === 'yes_no') return [...YES_NO_OPTIONS];
  if (isChoice(q.type)) return q.options.map((o) => ({ value: o.value, label: o.label || 'Untitled answer' }));
  return [];
}

/** "Show when": pick an earlier choice or yes/no question and one of its answers. */
export function ShowWhenField({
  question,
  number,
  earlier,
  error,
  onChange,
}: {
  question: DraftQuestion;
  number: number;
  earlier: readonly DraftQuestion[];
  error: string | undefined;
  onChange: (change: (q: DraftQuestion) => DraftQuestion) => void;
}) {
  const targets = earlier.filter((q) => answersOf(q).length > 0);
  const condition = question.showWhen;
  const target = condition ? earlier.find((q) => q.id === condition.questionId) : undefined;
  const questionOptions = [
    { value: '', label: 'Always' },
    // The number tells apart two questions worded alike.
    ...targets.map((q) => ({
      value: q.id,
      label: `When question ${earlier.indexOf(q) + 1}, “${q.label || 'Untitled question'}”, is…`,
    })),
  ];
  // A condition on a question that moved below or lost its answers stays visible, flagged.
  if (condition && !targets.some((q) => q.id === condition.questionId)) {
    questionOptions.push({ value: condition.questionId, label: `When “${target?.label ?? condition.questionId}” is…` });
  }
  const answers = target ? answersOf(target) : [];
  if (condition && !answers.some((a) => a.value === condition.equals)) {
    answers.push({ value: condition.equals, label: condition.equals });
  }

  function pickQuestion(id: string) {
    const picked = earlier.find((q) => q.id === id);
    const first = picked ? answersOf(picked)[0] : undefined;
    onChange((q) => ({ ...q, showWhen: picked && first ? { questionId: id, equals: first.value } : null }));
  }

  return (
    <div className="space-y-1">
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label={`Show question ${number}`}
          options={questionOptions}
          value={condition?.questionId ?? ''}
          disabled={targets.length === 0 && !condition}
          onChange={(e) => pickQuestion(e.target.value)}
          aria-invalid={error ? true : undefined}
        />
        {condition ? (
          <SelectField
            label="Answer"
            options={answers}
            value={condition.equals}
            onChange={(e) => {
              const equals = e.target.value;
              onChange((q) => ({ ...q, showWhen: q.showWhen ? { ...q.showWhen, equals } : null }));
            }}
          />
        ) : null}
      </div>
      {targets.length === 0 && !condition ? (
        <p className="text-sm text-slate-600">
          To show it only after a certain answer, put a choice or yes/no question above it.
        </p>
      ) : null}
      {error ? <p className="text-sm font-medium text-red-700">{error}</p> : null}
    </div>
  );
}
