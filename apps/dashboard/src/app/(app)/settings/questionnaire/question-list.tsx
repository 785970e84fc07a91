import {
  type Announcements,
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { type DraftQuestion, move } from './draft';
import { type FieldProblems, QuestionCard } from './question-card';

/** The question cards, reordered by dragging the handle (pointer, touch or keyboard) or Move up / Move down. */
export function QuestionList({
  draft,
  problems,
  onChange,
  onReorder,
  onRemove,
}: {
  draft: readonly DraftQuestion[];
  problems: ReadonlyMap<string, FieldProblems>;
  onChange: (key: string, change: (q: DraftQuestion) => DraftQuestion) => void;
  onReorder: (next: DraftQuestion[], movedKey: string) => void;
  onRemove: (key: string) => void;
}) {
  const sensors = useSensors(
    // A few pixels of travel before a drag starts, so a click on the handle stays a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const position = (id: string | number) => draft.findIndex((d) => d.key === id) + 1;
  const name = (id: string | number) => {
    const q = draft.find((d) => d.key === id);
    return q?.label.trim() || 'Untitled question';
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up “${name(active.id)}”, question ${position(active.id)} of ${draft.length}.`,
    onDragOver: ({ active, over }) =>
      over ? `“${name(active.id)}” is over position ${position(over.id)} of ${draft.length}.` : undefined,
    onDragEnd: ({ active, over }) =>
      over ? `“${name(active.id)}” dropped at position ${position(over.id)} of ${draft.length}.` : undefined,
    onDragCancel: ({ active }) => `Moving “${name(active.id)}” was cancelled.`,
  };

  function dragged({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    const from = draft.findIndex((d) => d.key === active.id);
    const to = draft.findIndex((d) => d.key === over.id);
    onReorder(move(draft, from, to), String(active.id));
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={dragged}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable:
            'To move a question, press Space or Enter on its handle, use the arrow keys, then Space or Enter to drop it, or Escape to cancel.',
        },
      }}
    >
      <SortableContext items={draft.map((d) => d.key)} strategy={verticalListSortingStrategy}>
        <ol className="space-y-4">
          {draft.map((question, index) => (
            <QuestionCard
              key={question.key}
              question={question}
              number={index + 1}
              count={draft.length}
              earlier={draft.slice(0, index)}
              problems={problems.get(question.key) ?? {}}
              onChange={(change) => onChange(question.key, change)}
              onRemove={() => onRemove(question.key)}
              onMove={(by) => onReorder(move(draft, index, index + by), question.key)}
            />
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}
