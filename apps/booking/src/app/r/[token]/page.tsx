import { Card } from '@carelane/ui';
import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import { serverCaller } from '@/server/caller';
import { RespondPanel } from './respond-panel';
import { visitWhen } from './when';

export const metadata: Metadata = { title: 'Your visit', robots: { index: false } };

/** Only what the link says: a GET never changes anything, since message scanners open links too. */
async function openLink(token: string) {
  try {
    return await (await serverCaller()).confirmations.show({ token });
  } catch (err) {
    if (err instanceof TRPCError && (err.code === 'NOT_FOUND' || err.code === 'BAD_REQUEST'))
      return { state: 'invalid' as const };
    throw err;
  }
}

function Notice({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card className="mx-auto max-w-md space-y-2 p-5">
      <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
      <p className="text-slate-700">{children}</p>
    </Card>
  );
}

export default async function ReminderLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await openLink(token);
  if (link.state === 'invalid') {
    return (
      <Notice title="This link is not valid">Please check the message from the clinic, or contact the clinic.</Notice>
    );
  }
  if (link.state === 'expired') {
    return (
      <Notice title="This link has expired">
        To confirm or change your visit, please sign in to see your appointments or contact the clinic.
      </Notice>
    );
  }
  const { appointment: visit, action } = link;
  const when = visitWhen(visit.startsAt, visit.zone);
  return (
    <Card className="mx-auto max-w-md space-y-4 p-5">
      <h1 className="text-xl font-semibold text-slate-900">
        {action === 'confirm' ? `Hello ${visit.patientFirstName}, will you come?` : `Hello ${visit.patientFirstName}`}
      </h1>
      <dl className="space-y-2 text-slate-800">
        <div>
          <dt className="text-sm text-slate-600">When</dt>
          <dd className="font-semibold" data-testid="visit-when">
            {when.date} at {when.time}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">With</dt>
          <dd>{visit.clinicianName}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">Where</dt>
          <dd>
            {visit.centreName}
            <br />
            <span className="text-sm text-slate-600">{visit.centreAddress}</span>
          </dd>
        </div>
      </dl>
      <RespondPanel
        token={token}
        action={action}
        when={`${when.date} at ${when.time}`}
        status={visit.status}
        confirmed={visit.patientConfirmedAt !== null}
      />
    </Card>
  );
}
