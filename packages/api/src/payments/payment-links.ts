import { randomUUID } from 'node:crypto';
import { type ContactConsent, channelRecipient, formatMoney, fullName, type NotificationChannel } from '@carelane/core';
import { type Database, enqueueNotification, paymentLinks } from '@carelane/db';
import type { PaymentGateway } from '@carelane/integrations/payments';
import { and, eq } from 'drizzle-orm';
import { audit } from '../audit';
import type { Context } from '../context';
import type { Tenant } from '../tenancy';

const LINK_DAYS = 7;

export type PaymentLinkRequest = {
  gateway: PaymentGateway;
  organizationId: string;
  organizationName: string;
  patient: ContactConsent & { id: string; lastName: string; language?: string };
  amountMinor: number;
  currency: string;
  /** "invoice 12" or "Consultation on 3 Dec, 6:00 pm": said in the message and on the gateway's page. */
  what: string;
  /** Razorpay refuses a reference used before; each link gets its own from this prefix. */
  referencePrefix: string;
  invoiceId?: string;
  appointmentId?: string;
  /** When the link stops working (default a week; Razorpay wants at least 15 minutes). */
  expiresAt?: Date;
  /** Also send it through the outbox on this channel (consent checked by the caller). */
  sendVia?: NotificationChannel | null;
  createdById?: string | null;
};

/**
 * A Razorpay payment link, saved and (optionally) queued to the patient in one transaction.
 * Created at the gateway first: a link whose row then failed to save expires unused. The payment
 * arrives by webhook (`payment_link.paid`) and is credited by the worker like every gateway payment.
 */
export async function createPaymentLink(ctx: Context, request: PaymentLinkRequest) {
  const { patient } = request;
  const expiresAt = request.expiresAt ?? new Date(Date.now() + LINK_DAYS * 86_400_000);
  const link = await request.gateway.createPaymentLink({
    amountMinor: request.amountMinor,
    currency: request.currency,
    description: `${request.organizationName}: ${request.what}`,
    customer: {
      name: fullName(patient),
      ...(patient.phone ? { contact: patient.phone } : {}),
      ...(patient.email ? { email: patient.email } : {}),
    },
    referenceId: `${request.referencePrefix}-${randomUUID().slice(0, 8)}`,
    expireBy: expiresAt,
    notes: {
      ...(request.invoiceId ? { invoiceId: request.invoiceId } : {}),
      ...(request.appointmentId ? { appointmentId: request.appointmentId } : {}),
    },
  });
  return ctx.db.transaction(async (tx) => {
    const [saved] = await tx
      .insert(paymentLinks)
      .values({
        organizationId: request.organizationId,
        patientId: patient.id,
        gatewayLinkId: link.id,
        shortUrl: link.shortUrl,
        invoiceId: request.invoiceId ?? null,
        appointmentId: request.appointmentId ?? null,
        amountMinor: request.amountMinor,
        currency: request.currency,
        expiresAt,
        createdById: request.createdById ?? null,
      })
      .returning();
    if (!saved) throw new Error('Insert returned no row');
    const recipient = request.sendVia ? channelRecipient(patient, request.sendVia) : null;
    if (request.sendVia && recipient) {
      await enqueueNotification(
        tx,
        {
          organizationId: request.organizationId,
          channel: request.sendVia,
          kind: 'payment_link',
          language: patient.language === 'hi' ? 'hi' : 'en',
          recipient,
          payload: {
            organizationName: request.organizationName,
            amount: formatMoney(request.amountMinor, request.currency),
            what: request.what,
            link: link.shortUrl,
          },
          patientId: patient.id,
        },
        ctx.secret,
      );
    }
    await audit(
      ctx,
      {
        action: 'payment_link.create',
        entity: request.invoiceId ? 'invoice' : 'appointment',
        entityId: request.invoiceId ?? request.appointmentId ?? null,
        organizationId: request.organizationId,
        changes: {
          linkId: { to: saved.id },
          amountMinor: { to: request.amountMinor },
          ...(request.sendVia ? { sentVia: { to: request.sendVia } } : {}),
        },
      },
      tx,
    );
    return { id: saved.id, url: saved.shortUrl, amountMinor: request.amountMinor, sentVia: request.sendVia ?? null };
  });
}

/**
 * Stops a visit's unpaid links once it is paid another way (Checkout), so the patient cannot pay
 * twice. Best effort: a link the gateway will not cancel expires with the booking's hold.
 */
export async function cancelOpenVisitLinks(
  db: Database,
  tenant: Tenant,
  gateway: PaymentGateway,
  appointmentId: string,
) {
  const open = await db
    .select()
    .from(paymentLinks)
    .where(
      tenant.where(paymentLinks, eq(paymentLinks.appointmentId, appointmentId), eq(paymentLinks.status, 'created')),
    );
  for (const link of open) {
    try {
      await gateway.cancelPaymentLink(link.gatewayLinkId);
      await db
        .update(paymentLinks)
        .set({ status: 'cancelled' })
        .where(and(eq(paymentLinks.id, link.id), eq(paymentLinks.status, 'created')));
    } catch (err) {
      console.error(`payment link not cancelled (${err instanceof Error ? err.name : 'error'})`);
    }
  }
}
