'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from '@carelane/core';
import { Alert, Button, Card, CheckboxField, ErrorState, SelectField, Skeleton, TextField } from '@carelane/ui';
import { useEffect, useState } from 'react';
import { detailsOf } from '@/components/server-errors';
import { CHANNEL_LABELS, moved, OFFSET_UNITS, type OffsetUnit, offsetLabel, offsetMinutes } from './offsets';

type Settings = {
  reminderOffsetsMinutes: number[];
  quietHours: { start: string; end: string } | null;
  channelOrder: NotificationChannel[];
};

/** When reminders go, when nothing goes, and which channel is tried first. */
export function ScheduleSection({ canManage }: { canManage: boolean }) {
  const settings = trpc.organization.messagingSettings.useQuery();
  const utils = trpc.useUtils();
  const save = trpc.organization.updateMessagingSettings.useMutation();
  const [draft, setDraft] = useState<Settings | null>(null);
  const [count, setCount] = useState('3');
  const [unit, setUnit] = useState<OffsetUnit>('hours');
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (settings.data && !draft) setDraft(settings.data);
  }, [settings.data, draft]);

  if (settings.error)
    return <ErrorState message={errorMessage(settings.error)} onRetry={() => void settings.refetch()} />;
  if (!draft) return <Skeleton className="h-48" />;

  const update = (change: Partial<Settings>) => {
    setNotice(null);
    setDraft({ ...draft, ...change });
  };
  const newOffset = offsetMinutes(Number(count), unit);
  const addProblem =
    !Number.isInteger(Number(count)) || Number(count) < 1
      ? 'Enter a whole number'
      : newOffset < 15 || newOffset > 20_160
        ? 'Choose between 15 minutes and 14 days'
        : draft.reminderOffsetsMinutes.includes(newOffset)
          ? 'That reminder is already on the list'
          : draft.reminderOffsetsMinutes.length >= 4
            ? 'Keep to 4 reminders or fewer'
            : null;
  const fieldError = (field: string) =>
    detailsOf(save.error).find((d) => d.field === field || d.field.startsWith(`${field}.`))?.message;

  async function submit() {
    if (!draft) return;
    const saved = await save.mutateAsync(draft).catch(() => null);
    if (!saved) return;
    setDraft(saved);
    setNotice('Saved the reminder schedule.');
    await utils.organization.messagingSettings.invalidate();
  }

  return (
    <Card className="space-y-6 p-4">
      <fieldset className="space-y-3" disabled={!canManage}>
        <legend className="font-semibold text-slate-900">Reminders</legend>
        {draft.reminderOffsetsMinutes.length === 0 ? (
          <p className="text-sm text-slate-600">No reminders are sent.</p>
        ) : (
          <ul className="space-y-2" aria-label="Reminder times">
            {[...draft.reminderOffsetsMinutes]
              .sort((a, b) => b - a)
              .map((minutes) => (
                <li key={minutes} className="flex items-center gap-3 text-sm">
                  <span className="min-w-40">{offsetLabel(minutes)}</span>
                  <Button
                    variant="ghost"
                    aria-label={`Remove the reminder ${offsetLabel(minutes)}`}
                    onClick={() =>
                      update({ reminderOffsetsMinutes: draft.reminderOffsetsMinutes.filter((m) => m !== minutes) })
                    }
                  >
                    Remove
                  </Button>
                </li>
              ))}
          </ul>
        )}
        <div className="flex flex-wrap items-end gap-2">
          <div className="w-24">
            <TextField label="Number" type="number" min={1} value={count} onChange={(e) => setCount(e.target.value)} />
          </div>
          <SelectField
            label="Unit"
            value={unit}
            onChange={(e) => setUnit(e.target.value as OffsetUnit)}
            options={OFFSET_UNITS.map((u) => ({ value: u.value, label: `${u.label} before` }))}
          />
          <Button
            variant="secondary"
            disabled={addProblem !== null}
            onClick={() => update({ reminderOffsetsMinutes: [...draft.reminderOffsetsMinutes, newOffset] })}
          >
            Add reminder
          </Button>
        </div>
        {canManage && addProblem && count !== '' ? <p className="text-sm text-slate-600">{addProblem}</p> : null}
        {fieldError('reminderOffsetsMinutes') ? <Alert>{fieldError('reminderOffsetsMinutes')}</Alert> : null}
      </fieldset>

      <fieldset className="space-y-3" disabled={!canManage}>
        <legend className="font-semibold text-slate-900">Quiet hours</legend>
        <p className="text-sm text-slate-600">No reminder goes out between these times, in each centre's time zone.</p>
        <CheckboxField
          label="No quiet hours"
          hint="Reminders may go out at any time of day."
          checked={draft.quietHours === null}
          onChange={(e) => update({ quietHours: e.target.checked ? null : { start: '21:00', end: '08:00' } })}
        />
        {draft.quietHours ? (
          <div className="flex flex-wrap gap-3">
            <TextField
              label="From"
              type="time"
              value={draft.quietHours.start}
              error={fieldError('quietHours.start')}
              onChange={(e) =>
                draft.quietHours && update({ quietHours: { ...draft.quietHours, start: e.target.value } })
              }
            />
            <TextField
              label="Until"
              type="time"
              value={draft.quietHours.end}
              error={fieldError('quietHours.end') ?? fieldError('quietHours')}
              onChange={(e) => draft.quietHours && update({ quietHours: { ...draft.quietHours, end: e.target.value } })}
            />
          </div>
        ) : null}
      </fieldset>

      <fieldset className="space-y-3" disabled={!canManage}>
        <legend className="font-semibold text-slate-900">Channel order</legend>
        <p className="text-sm text-slate-600">
          Messages try the first channel the patient agreed to, then the next if it fails.
        </p>
        <ol className="space-y-2" aria-label="Channel order">
          {draft.channelOrder.map((channel, index) => (
            <li key={channel} className="flex items-center gap-2 text-sm">
              <span className="w-6 text-slate-500">{index + 1}.</span>
              <span className="min-w-24 font-medium">{CHANNEL_LABELS[channel]}</span>
              <Button
                variant="ghost"
                aria-label={`Move ${CHANNEL_LABELS[channel]} up`}
                disabled={index === 0}
                onClick={() => update({ channelOrder: moved(draft.channelOrder, index, -1) })}
              >
                Move up
              </Button>
              <Button
                variant="ghost"
                aria-label={`Move ${CHANNEL_LABELS[channel]} down`}
                disabled={index === draft.channelOrder.length - 1}
                onClick={() => update({ channelOrder: moved(draft.channelOrder, index, 1) })}
              >
                Move down
              </Button>
              <Button
                variant="ghost"
                aria-label={`Do not use ${CHANNEL_LABELS[channel]}`}
                disabled={draft.channelOrder.length === 1}
                onClick={() => update({ channelOrder: draft.channelOrder.filter((c) => c !== channel) })}
              >
                Remove
              </Button>
            </li>
          ))}
        </ol>
        {NOTIFICATION_CHANNELS.filter((c) => !draft.channelOrder.includes(c)).map((channel) => (
          <Button
            key={channel}
            variant="secondary"
            onClick={() => update({ channelOrder: [...draft.channelOrder, channel] })}
          >
            Add {CHANNEL_LABELS[channel]}
          </Button>
        ))}
        {fieldError('channelOrder') ? <Alert>{fieldError('channelOrder')}</Alert> : null}
      </fieldset>

      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {save.error && detailsOf(save.error).length === 0 ? <Alert>{errorMessage(save.error)}</Alert> : null}
      {canManage ? (
        <Button busy={save.isPending} onClick={() => void submit()}>
          Save schedule
        </Button>
      ) : (
        <p className="text-sm text-slate-600">An admin or manager changes the schedule.</p>
      )}
    </Card>
  );
}
