'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { EmptyState, ErrorState, Skeleton } from '@carelane/ui';
import { TimePicker } from '@/components/time-picker';

type Type = { id: string; name: string; mode: 'in_person' | 'online' };

/** One clinician's next free days and times for a type. */
export function SlotPicker({
  clinicianId,
  type,
  onChoose,
}: {
  clinicianId: string;
  type: Type;
  onChoose: (start: Date) => void;
}) {
  const slots = trpc.availability.slots.useQuery(
    { clinicianId, typeId: type.id, days: 14 },
    { refetchInterval: 60_000 },
  );

  if (slots.error) return <ErrorState message={errorMessage(slots.error)} onRetry={() => void slots.refetch()} />;
  if (!slots.data) return <Skeleton className="h-64" />;
  if (slots.data.days.length === 0) {
    return (
      <EmptyState title="No free times in the next two weeks">
        Please try another appointment type or call the clinic.
      </EmptyState>
    );
  }
  return (
    <TimePicker zone={slots.data.zone} days={slots.data.days} online={type.mode === 'online'} onChoose={onChoose} />
  );
}
