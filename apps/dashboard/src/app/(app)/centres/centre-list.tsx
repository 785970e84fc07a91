'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { formatPhone, WEEKDAY_NAMES } from '@carelane/core';
import { Alert, Badge, Button, Card, EmptyState, ErrorState, Skeleton } from '@carelane/ui';
import Link from 'next/link';
import { useState } from 'react';
import { type Centre, CentreDialog } from './centre-dialog';

/** "Mon–Sat", "Mon, Wed, Fri" or "Every day": the opening days as people say them. */
function openingDaysText(days: number[]): string {
  if (days.length === 7) return 'Every day';
  const short = (day: number) => WEEKDAY_NAMES[day - 1]?.slice(0, 3) ?? '';
  const first = days[0];
  const last = days.at(-1);
  const inARow = first !== undefined && last !== undefined && last - first === days.length - 1;
  return inARow && days.length > 2 ? `${short(first)}–${short(last)}` : days.map(short).join(', ');
}

type Notice = { centreId: string; tone: 'error' | 'success'; text: string };

function CentreCard({
  centre,
  canManage,
  notice,
  onEdit,
  onArchive,
  onRestore,
  busy,
}: {
  centre: Centre;
  canManage: boolean;
  notice: Notice | null;
  onEdit: () => void;
  onArchive: () => void;
  onRestore: () => void;
  busy: boolean;
}) {
  const [confirming, setConfirming] = useState(false);
  return (
    <Card className="flex h-full flex-col gap-3 p-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="text-base font-semibold text-slate-900">{centre.name}</h3>
        {centre.active ? null : <Badge>Archived</Badge>}
      </div>
      <dl className="space-y-1 text-sm">
        <div>
          <dt className="sr-only">Address</dt>
          <dd className="text-slate-800">
            {centre.addressLine}, {centre.city}
            {centre.postalCode ? ` ${centre.postalCode}` : ''}
          </dd>
        </div>
        <div className="flex flex-wrap gap-x-4 gap-y-1 text-slate-600">
          <div>
            <dt className="inline">Open: </dt>
            <dd className="inline">{openingDaysText(centre.openingDays)}</dd>
          </div>
          <div>
            <dt className="inline">Zone: </dt>
            <dd className="inline">{centre.zone}</dd>
          </div>
          {centre.phone ? (
            <div>
              <dt className="inline">Phone: </dt>
              <dd className="inline">{formatPhone(centre.phone)}</dd>
            </div>
          ) : null}
        </div>
        {centre.mapUrl ? (
          <div>
            <dt className="sr-only">Map</dt>
            <dd>
              <a
                href={centre.mapUrl}
                target="_blank"
                rel="noopener noreferrer"
                className="font-semibold text-teal-800 underline hover:text-teal-900"
              >
                Map<span className="sr-only"> of {centre.name} (opens in a new tab)</span>
              </a>
            </dd>
          </div>
        ) : null}
      </dl>
      {notice ? (
        <div className="space-y-2">
          <Alert tone={notice.tone}>{notice.text}</Alert>
          {notice.tone === 'error' && /upcoming visit/.test(notice.text) ? (
            <Link
              href={`/calendar?centre=${centre.id}`}
              className="inline-block text-sm font-semibold text-teal-800 underline hover:text-teal-900"
            >
              Open the calendar for {centre.name}
            </Link>
          ) : null}
        </div>
      ) : null}
      {canManage ? (
        <div className="mt-auto flex flex-wrap gap-2 pt-1">
          {centre.active ? (
            confirming ? (
              <div className="w-full space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3">
                <p className="text-sm text-amber-950">
                  Archive {centre.name}? It leaves the booking site and the pickers; its history stays.
                </p>
                <div className="flex flex-wrap gap-2">
                  <Button
                    variant="danger"
                    busy={busy}
                    onClick={() => {
                      setConfirming(false);
                      onArchive();
                    }}
                  >
                    Yes, archive
                  </Button>
                  <Button variant="ghost" disabled={busy} onClick={() => setConfirming(false)}>
                    Keep it open
                  </Button>
                </div>
              </div>
            ) : (
              <>
                <Button variant="secondary" onClick={onEdit}>
                  Edit<span className="sr-only"> {centre.name}</span>
                </Button>
                <Button variant="ghost" disabled={busy} onClick={() => setConfirming(true)}>
                  Archive<span className="sr-only"> {centre.name}</span>
                </Button>
              </>
            )
          ) : (
            <Button variant="secondary" busy={busy} onClick={onRestore}>
              Restore<span className="sr-only"> {centre.name}</span>
            </Button>
          )}
        </div>
      ) : null}
    </Card>
  );
}

/** The organization's centres: admins and managers add, edit, archive and restore them. */
export function CentreList() {
  const utils = trpc.useUtils();
  const details = trpc.centres.details.useQuery();
  const settings = trpc.organization.settings.useQuery();
  const archive = trpc.centres.archive.useMutation();
  const restore = trpc.centres.restore.useMutation();
  const [editing, setEditing] = useState<Centre | 'new' | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [working, setWorking] = useState<string | null>(null);

  async function refresh() {
    await Promise.all([utils.centres.details.invalidate(), utils.centres.list.invalidate()]);
  }

  function change(centre: Centre, action: 'archive' | 'restore') {
    setNotice(null);
    setWorking(centre.id);
    const mutation = action === 'archive' ? archive : restore;
    mutation.mutate(
      { centreId: centre.id },
      {
        onSuccess: async () => {
          await refresh();
          setNotice({
            centreId: centre.id,
            tone: 'success',
            text: action === 'archive' ? `${centre.name} is archived.` : `${centre.name} is open again.`,
          });
        },
        onError: (error) => setNotice({ centreId: centre.id, tone: 'error', text: errorMessage(error) }),
        onSettled: () => setWorking(null),
      },
    );
  }

  const data = details.data;
  const open = data?.centres.filter((c) => c.active) ?? [];
  const archived = data?.centres.filter((c) => !c.active) ?? [];
  const card = (centre: Centre) => (
    <li key={centre.id}>
      <CentreCard
        centre={centre}
        canManage={data?.canManage ?? false}
        notice={notice?.centreId === centre.id ? notice : null}
        busy={working === centre.id}
        onEdit={() => setEditing(centre)}
        onArchive={() => change(centre, 'archive')}
        onRestore={() => change(centre, 'restore')}
      />
    </li>
  );

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">Centres</h1>
          <p className="text-sm text-slate-600">
            Where the clinic sees patients. Closures for holidays are kept with the{' '}
            <Link href="/availability" className="font-semibold text-teal-800 underline hover:text-teal-900">
              hours and time off
            </Link>
            .
          </p>
        </div>
        {data?.canManage ? <Button onClick={() => setEditing('new')}>Add a centre</Button> : null}
      </div>
      {details.error ? (
        <ErrorState message={errorMessage(details.error)} onRetry={() => void details.refetch()} />
      ) : !data ? (
        <div role="status" aria-label="Loading centres" className="grid gap-4 md:grid-cols-2">
          <Skeleton className="h-40" />
          <Skeleton className="h-40" />
        </div>
      ) : data.centres.length === 0 ? (
        <EmptyState
          title="No centres yet"
          action={data.canManage ? <Button onClick={() => setEditing('new')}>Add your first centre</Button> : null}
        >
          {data.canManage
            ? 'Add the places where patients visit you. Clinicians’ hours are set per centre.'
            : 'You are not assigned to a centre yet. Ask an admin to add you to one.'}
        </EmptyState>
      ) : (
        <>
          {open.length ? (
            <ul className="grid gap-4 md:grid-cols-2" aria-label="Open centres">
              {open.map(card)}
            </ul>
          ) : (
            <Alert tone="info">Every centre is archived. Restore one so patients can book.</Alert>
          )}
          {archived.length ? (
            <section aria-labelledby="archived-heading" className="space-y-3">
              <h2 id="archived-heading" className="text-lg font-semibold text-slate-900">
                Archived
              </h2>
              <p className="text-sm text-slate-600">
                Not offered on the booking site or in pickers; their past visits and invoices stay.
              </p>
              <ul className="grid gap-4 md:grid-cols-2" aria-label="Archived centres">
                {archived.map(card)}
              </ul>
            </section>
          ) : null}
        </>
      )}
      {editing ? (
        <CentreDialog
          centre={editing === 'new' ? null : editing}
          defaultZone={settings.data?.zone ?? 'Asia/Kolkata'}
          onClose={() => setEditing(null)}
          onSaved={async (saved) => {
            setEditing(null);
            await refresh();
            setNotice({ centreId: saved.id, tone: 'success', text: `Saved ${saved.name}.` });
          }}
        />
      ) : null}
    </div>
  );
}
