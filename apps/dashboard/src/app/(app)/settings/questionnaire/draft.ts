import {
  CHOICE_TYPES,
  type Question,
  type Questionnaire,
  type QuestionType,
  type ShowWhen,
  uniqueSlug,
} from '@carelane/core';

/**
 * The editor's copy of the questions. `key` is React's and the drag list's identity; `fresh`
 * marks what was never published, whose id (or option value) still follows its text. A published
 * id never changes: old submissions' answers refer to it.
 */
export type DraftOption = { key: string; value: string; label: string; fresh: boolean };
export type DraftQuestion = {
  key: string;
  fresh: boolean;
  id: string;
  type: QuestionType;
  label: string;
  help: string;
  required: boolean;
  options: DraftOption[];
  showWhen: ShowWhen | null;
};

let counter = 0;
const nextKey = () => `k${++counter}`;

export function toDraft(questionnaire: Questionnaire): DraftQuestion[] {
  return questionnaire.questions.map((q) => ({
    key: nextKey(),
    fresh: false,
    id: q.id,
    type: q.type,
    label: q.label,
    help: q.help ?? '',
    required: q.required,
    options: (q.options ?? []).map((o) => ({ key: nextKey(), value: o.value, label: o.label, fresh: false })),
    showWhen: q.showWhen ?? null,
  }));
}

/** What would be published: options only on choice types, no empty help. */
export function fromDraft(draft: readonly DraftQuestion[]): Questionnaire {
  return {
    questions: draft.map((d) => {
      const question: Question = { id: d.id, type: d.type, label: d.label.trim(), required: d.required };
      if (d.help.trim() !== '') question.help = d.help.trim();
      if (isChoice(d.type)) question.options = d.options.map((o) => ({ value: o.value, label: o.label.trim() }));
      if (d.showWhen) question.showWhen = d.showWhen;
      return question;
    }),
  };
}

export const isChoice = (type: QuestionType) => CHOICE_TYPES.includes(type);

const blankOption = (): DraftOption => ({ key: nextKey(), value: '', label: '', fresh: true });

export function newQuestion(draft: readonly DraftQuestion[]): DraftQuestion {
  return {
    key: nextKey(),
    fresh: true,
    id: uniqueSlug('', new Set(draft.map((d) => d.id)), 'question'),
    type: 'text',
    label: '',
    help: '',
    required: false,
    options: [],
    showWhen: null,
  };
}

/** Applies a change to one question, keeping fresh ids in step with their text and the conditions that name them. */
export function updateQuestion(
  draft: readonly DraftQuestion[],
  key: string,
  change: (q: DraftQuestion) => DraftQuestion,
): DraftQuestion[] {
  const before = draft.find((d) => d.key === key);
  if (!before) return [...draft];
  let after = change(before);
  if (after.fresh && after.label !== before.label) {
    const taken = new Set(draft.filter((d) => d.key !== key).map((d) => d.id));
    after = { ...after, id: uniqueSlug(after.label, taken, 'question') };
  }
  if (isChoice(after.type) && after.options.length === 0) after = { ...after, options: [blankOption(), blankOption()] };
  after = { ...after, options: freshValues(after.options) };
  const renamed = renames(before, after);
  return draft.map((d) => {
    if (d.key === key) return after;
    const w = d.showWhen;
    if (!w || w.questionId !== before.id) return d;
    return { ...d, showWhen: { questionId: after.id, equals: renamed.get(w.equals) ?? w.equals } };
  });
}

/** Fresh options' values follow their labels, unique within the question. */
function freshValues(options: DraftOption[]): DraftOption[] {
  const taken = new Set(options.filter((o) => !o.fresh).map((o) => o.value));
  return options.map((o) => {
    if (!o.fresh) return o;
    const value = uniqueSlug(o.label, taken, 'option');
    taken.add(value);
    return value === o.value ? o : { ...o, value };
  });
}

/** Option values that changed, old -> new, so a condition on the old value follows. */
function renames(before: DraftQuestion, after: DraftQuestion): Map<string, string> {
  const map = new Map<string, string>();
  for (const o of after.options) {
    const old = before.options.find((b) => b.key === o.key);
    if (old && old.value !== o.value) map.set(old.value, o.value);
  }
  return map;
}

export function addOption(q: DraftQuestion): DraftQuestion {
  return { ...q, options: [...q.options, blankOption()] };
}

/** Removes a question; the conditions of others that pointed at it are cleared, and their labels returned. */
export function removeQuestion(
  draft: readonly DraftQuestion[],
  key: string,
): { draft: DraftQuestion[]; cleared: string[] } {
  const gone = draft.find((d) => d.key === key);
  const cleared: string[] = [];
  const rest = draft
    .filter((d) => d.key !== key)
    .map((d) => {
      if (!gone || d.showWhen?.questionId !== gone.id) return d;
      cleared.push(d.label || 'Untitled question');
      return { ...d, showWhen: null };
    });
  return { draft: rest, cleared };
}

export function move<T>(items: readonly T[], from: number, to: number): T[] {
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  if (item === undefined || to < 0 || to > copy.length) return [...items];
  copy.splice(to, 0, item);
  return copy;
}

export const TYPE_LABELS: Record<QuestionType, string> = {
  text: 'Short text',
  textarea: 'Long text',
  radio: 'One choice',
  checkbox: 'Several choices',
  date: 'Date',
  yes_no: 'Yes / no',
};
