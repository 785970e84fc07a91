import { Pill } from '@carelane/ui';
import { type MessageRow, shownStatus } from './message-format';

export function MessageStatusBadge({ row }: { row: Pick<MessageRow, 'status' | 'deliveryStatus'> }) {
  const shown = shownStatus(row);
  return <Pill tone={shown.tone}>{shown.label}</Pill>;
}
