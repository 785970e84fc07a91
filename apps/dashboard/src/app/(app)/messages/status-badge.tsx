import { cn } from '@carelane/ui';
import { type MessageRow, shownStatus } from './message-format';

export function MessageStatusBadge({ row }: { row: Pick<MessageRow, 'status' | 'deliveryStatus'> }) {
  const shown = shownStatus(row);
  return (
    <span
      className={cn(
        'inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset',
        shown.tone,
      )}
    >
      {shown.label}
    </span>
  );
}
