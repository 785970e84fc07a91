import { audit } from '../../audit';
import type { Context } from '../../context';
import { asPatient } from '../../scheduling/patient-cancel';
import { openActionLink } from './link';
import type { ActionTokenInput } from './show.schema';

/** What a reminder's confirm or cancel link is about. Reading it changes nothing (mail scanners open links). */
export async function showHandler({ ctx, input }: { ctx: Context; input: ActionTokenInput }) {
  const link = await openActionLink(ctx, input.token, new Date());
  if (link.state === 'expired') return { state: 'expired' as const };
  const { visit } = link;
  const who = { organizationId: visit.organizationId, patientId: visit.patientId };
  await audit(asPatient(ctx, who), { action: 'appointment.link_view', entity: 'appointment', entityId: visit.id });
  return {
    state: 'open' as const,
    action: link.action,
    appointment: {
      clinicianName: visit.clinicianName,
      centreName: visit.centreName,
      centreAddress: [visit.addressLine, visit.city, visit.postalCode].filter(Boolean).join(', '),
      startsAt: visit.startsAt,
      zone: visit.zone,
      status: visit.status,
      patientConfirmedAt: visit.patientConfirmedAt,
      patientFirstName: visit.patientFirstName,
    },
  };
}
