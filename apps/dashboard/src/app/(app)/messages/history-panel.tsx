'use client';
import type { RouterInputs } from '@carelane/api/client';
import { Button, EmptyState, SelectField, TextField } from '@carelane/ui';
import { CHANNEL_OPTIONS, KIND_OPTIONS, STATUS_OPTIONS } from '@/components/messages/message-format';
import { MessageList } from '@/components/messages/message-list';
import { PatientPicker } from '@/components/patient-picker';
import { useQueryParams } from '@/components/use-query-params';

const PAGE = 50;

type Filters = Omit<RouterInputs['messages']['list'], 'cursor' | 'limit'>;

/**
 * The filters live in the query string, so a link or a reload keeps them. A value edited by hand
 * into something else comes back from the server as a bad request naming the field.
 */
function filtersOf(params: URLSearchParams): Filters {
  const filters: Record<string, string> = {};
  for (const key of ['patientId', 'kind', 'channel', 'status', 'from', 'to']) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return filters as Filters;
}

export function HistoryPanel({ zone, canSend }: { zone: string | undefined; canSend: boolean }) {
  const [params, navigate] = useQueryParams();
  const filters = filtersOf(params);
  const patientName = params.get('patientName');
  const filtered = Object.keys(filters).length > 0;

  return (
    <div className="space-y-4">
      <search className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3">
        <div className="sm:col-span-2 lg:col-span-3">
          <PatientPicker
            patient={filters.patientId ? { id: filters.patientId, name: patientName ?? 'Chosen patient' } : null}
            onChange={(p) => navigate({ patientId: p?.id, patientName: p?.name })}
          />
        </div>
        <SelectField
          label="Kind"
          options={KIND_OPTIONS}
          value={filters.kind ?? ''}
          onChange={(e) => navigate({ kind: e.target.value })}
        />
        <SelectField
          label="Channel"
          options={CHANNEL_OPTIONS}
          value={filters.channel ?? ''}
          onChange={(e) => navigate({ channel: e.target.value })}
        />
        <SelectField
          label="Status"
          options={STATUS_OPTIONS}
          value={filters.status ?? ''}
          onChange={(e) => navigate({ status: e.target.value })}
        />
        <TextField
          label="From"
          type="date"
          value={filters.from ?? ''}
          onChange={(e) => navigate({ from: e.target.value })}
        />
        <TextField label="To" type="date" value={filters.to ?? ''} onChange={(e) => navigate({ to: e.target.value })} />
        {filtered ? (
          <div className="flex items-end">
            <Button
              variant="ghost"
              onClick={() =>
                navigate({ patientId: '', patientName: '', kind: '', channel: '', status: '', from: '', to: '' })
              }
            >
              Clear filters
            </Button>
          </div>
        ) : null}
      </search>

      <MessageList
        query={{ ...filters, limit: PAGE }}
        zone={zone}
        canSend={canSend}
        empty={
          <EmptyState title={filtered ? 'No message matches' : 'No messages yet'}>
            {filtered
              ? 'Try another channel, status or dates, or clear the filters.'
              : 'Confirmations, reminders, form links and payment links appear here once they are sent.'}
          </EmptyState>
        }
      />
    </div>
  );
}
