'use client';
import type { RouterOutputs } from '@carelane/api/client';
import { errorMessage, trpc } from '@carelane/api/react';
import { FORM_LINK_MAX_BIRTH_DATE_ATTEMPTS } from '@carelane/core';
import { Alert, Button } from '@carelane/ui';
import { channelNames, formWhen } from '@/components/forms/form-format';
import { FormStateBadge } from '@/components/forms/form-state-badge';
import { Modal } from '@/components/modal';

export type FormLink = RouterOutputs['forms']['forPatient']['links'][number];

/** What happened to the link, each step on the clinic's clock. */
function linkFacts(link: FormLink, zone: string | undefined): string[] {
  const via = link.sentVia.length ? `, sent by ${channelNames(link.sentVia)}` : '';
  const facts = [`Created ${formWhen(link.createdAt, zone)} by ${link.createdBy}${via}`];
  if (link.openedAt) facts.push(`Opened ${formWhen(link.openedAt, zone)}`);
  if (link.submittedAt) facts.push(`Submitted ${formWhen(link.submittedAt, zone)}`);
  else if (link.revokedAt) facts.push(`Revoked ${formWhen(link.revokedAt, zone)}`);
  else if (link.state === 'expired') facts.push(`Expired ${formWhen(link.expiresAt, zone)}`);
  else facts.push(`Expires ${formWhen(link.expiresAt, zone)}`);
  return facts;
}

/** The patient's links, newest first, with Revoke for a usable one and "Send a new link" for a closed one. */
export function FormRequestsList({
  links,
  zone,
  onRevoke,
  onSendNew,
}: {
  links: FormLink[];
  zone: string | undefined;
  onRevoke: ((link: FormLink) => void) | null;
  onSendNew: (() => void) | null;
}) {
  return (
    <ul aria-label="Form links" className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
      {links.map((link) => {
        const usable = link.state === 'sent' || link.state === 'opened';
        const closed = link.state === 'expired' || link.state === 'revoked' || link.state === 'locked';
        return (
          <li key={link.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3 text-sm">
            <div className="min-w-0 space-y-1">
              <p className="flex flex-wrap items-center gap-2">
                <FormStateBadge state={link.state} />
                <span className="text-slate-600">Questionnaire version {link.version}</span>
              </p>
              <p className="text-slate-700">{linkFacts(link, zone).join(' · ')}</p>
              {link.state === 'locked' ? (
                <p className="font-medium text-red-800">
                  Locked after {FORM_LINK_MAX_BIRTH_DATE_ATTEMPTS} wrong dates of birth. Check the date on record with
                  the patient, then send a new link.
                </p>
              ) : link.failedBirthDateAttempts > 0 && usable ? (
                <p className="text-slate-700">
                  {link.failedBirthDateAttempts} wrong date{link.failedBirthDateAttempts === 1 ? '' : 's'} of birth so
                  far.
                </p>
              ) : null}
            </div>
            {usable && onRevoke ? (
              <Button variant="secondary" onClick={() => onRevoke(link)}>
                Revoke<span className="sr-only"> the link sent {formWhen(link.createdAt, zone)}</span>
              </Button>
            ) : closed && onSendNew ? (
              <Button variant="secondary" onClick={onSendNew}>
                Send a new link
              </Button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** Ends a link before the patient uses it; nothing they could still send is accepted afterwards. */
export function RevokeLinkDialog({
  link,
  patientId,
  zone,
  onClose,
}: {
  link: FormLink;
  patientId: string;
  zone: string | undefined;
  onClose: (message: string | null) => void;
}) {
  const utils = trpc.useUtils();
  const revoke = trpc.forms.revokeLink.useMutation();
  function confirm() {
    revoke.mutate(
      { id: link.id },
      {
        onSuccess: () => onClose('Link revoked. It no longer opens the form.'),
        // A link used or locked meanwhile is a CONFLICT; the list shows where it stands now.
        onSettled: () => void utils.forms.forPatient.invalidate({ patientId }),
      },
    );
  }
  return (
    <Modal title="Revoke this form link?" onClose={() => onClose(null)}>
      <p className="text-sm text-slate-700">
        The link sent {formWhen(link.createdAt, zone)} will stop working at once. You can send a new one any time.
      </p>
      {revoke.error ? <Alert>{errorMessage(revoke.error)}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button variant="danger" busy={revoke.isPending} onClick={confirm}>
          Revoke link
        </Button>
        <Button variant="secondary" onClick={() => onClose(null)} data-autofocus>
          Keep it
        </Button>
      </div>
    </Modal>
  );
}
