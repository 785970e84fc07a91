'use client';
import { addresseeName, CHANNEL_LABELS, formatTime, kindLabel, type MessageRow } from './message-format';
import { MessageStatusBadge } from './status-badge';

const OPEN =
  'text-left font-semibold text-teal-800 hover:underline focus-visible:outline-2 focus-visible:outline-teal-700';
const COLUMNS = ['Time', 'To', 'Kind', 'Channel', 'Status', 'Attempts'];

/** Opens the message; its label says whose message it is, for a screen reader's list of buttons. */
function OpenButton({
  row,
  zone,
  onOpen,
}: {
  row: MessageRow;
  zone: string | undefined;
  onOpen: (id: string) => void;
}) {
  return (
    <button type="button" className={OPEN} onClick={() => onOpen(row.id)}>
      {formatTime(row.createdAt, zone)}
      <span className="sr-only">
        : {kindLabel(row.kind)} to {addresseeName(row)}
      </span>
    </button>
  );
}

/** The messages as a table on wide screens and as cards on a phone; a row opens the message. */
export function MessageRows({
  rows,
  zone,
  onOpen,
}: {
  rows: MessageRow[];
  zone: string | undefined;
  onOpen: (id: string) => void;
}) {
  return (
    <>
      <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white md:block">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Messages</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
            <tr>
              {COLUMNS.map((column) => (
                <th key={column} scope="col" className="px-4 py-2 font-semibold">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr
                key={row.id}
                data-message-id={row.id}
                className="cursor-pointer align-top hover:bg-slate-50"
                onClick={() => onOpen(row.id)}
              >
                <td className="whitespace-nowrap px-4 py-3">
                  <OpenButton row={row} zone={zone} onOpen={onOpen} />
                </td>
                <td className="px-4 py-3 text-slate-800">
                  {addresseeName(row)}
                  {row.patient ? <span className="block text-xs text-slate-600">{row.patient.mrn}</span> : null}
                </td>
                <td className="px-4 py-3 text-slate-800">{kindLabel(row.kind)}</td>
                <td className="px-4 py-3 text-slate-800">{CHANNEL_LABELS[row.channel] ?? row.channel}</td>
                <td className="px-4 py-3">
                  <MessageStatusBadge row={row} />
                </td>
                <td className="px-4 py-3 tabular-nums text-slate-800">{row.attempts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul aria-label="Messages" className="space-y-2 md:hidden">
        {rows.map((row) => (
          <li
            key={row.id}
            data-message-id={row.id}
            className="space-y-1 rounded-lg border border-slate-200 bg-white p-4 text-sm"
          >
            <div className="flex items-start justify-between gap-2">
              <OpenButton row={row} zone={zone} onOpen={onOpen} />
              <MessageStatusBadge row={row} />
            </div>
            <p className="text-slate-800">
              {kindLabel(row.kind)} · {CHANNEL_LABELS[row.channel] ?? row.channel}
            </p>
            <p className="text-slate-600">
              {addresseeName(row)} · {row.attempts} {row.attempts === 1 ? 'attempt' : 'attempts'}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
