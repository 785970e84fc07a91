import { buffer } from 'node:stream/consumers';
import { fullName, storedInvoiceStatus, taxIdLabel } from '@carelane/core';
import { centres, invoiceLines, invoices, organizations, patients, payments, refunds } from '@carelane/db';
import { and, asc, eq, inArray, lte, ne, or } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../audit';
import { type Context, createContext } from '../context';
import type { ApiDeps } from '../deps';
import { renderInvoicePdf } from '../files/invoice-pdf';
import { organizationLogo } from '../files/logo';
import { renderReceiptPdf } from '../files/receipt-pdf';
import { type Tenant, tenantOf } from '../tenancy';
import { NO_STORE, problem, staffFromRequest } from './common';

type Route = { params: Promise<{ id: string }> };
/** Whose invoices a request may read: the staff member's organization, or one patient's issued ones. */
type Scope = { tenant: Tenant; patientId: string | null };

/**
 * The clinic as its documents show it: name, zone, logo bytes, the registered address (else the
 * centre's) and the tax registration when set.
 */
async function clinicOf(deps: ApiDeps, tenant: Tenant, centreId: string | null) {
  const [org] = await deps.db
    .select({
      name: organizations.name,
      zone: organizations.defaultZone,
      country: organizations.country,
      addressLine: organizations.addressLine,
      city: organizations.city,
      postalCode: organizations.postalCode,
      taxId: organizations.taxId,
    })
    .from(organizations)
    .where(tenant.organization());
  const [centre] = centreId
    ? await deps.db
        .select({ addressLine: centres.addressLine, city: centres.city })
        .from(centres)
        .where(tenant.where(centres, eq(centres.id, centreId)))
    : [];
  const logo = await organizationLogo(deps, tenant);
  const stored = logo && deps.files ? await deps.files.get(logo.storageKey) : null;
  return {
    name: org?.name ?? '',
    zone: org?.zone ?? 'UTC',
    logo: stored ? await buffer(stored.body) : null,
    address: org?.addressLine
      ? [org.addressLine, [org.city, org.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ')
      : centre
        ? `${centre.addressLine}, ${centre.city}`
        : null,
    taxId: org?.taxId ? `${taxIdLabel(org.country)}: ${org.taxId}` : null,
  };
}

/** The invoice PDF within `scope`, audited; null when there is none there (a patient never sees drafts). */
async function invoicePdf(deps: ApiDeps, ctx: Context, scope: Scope, id: string) {
  const [row] = await deps.db
    .select({
      invoice: invoices,
      patient: { firstName: patients.firstName, lastName: patients.lastName, mrn: patients.mrn },
    })
    .from(invoices)
    .innerJoin(patients, eq(patients.id, invoices.patientId))
    .where(
      scope.tenant.where(
        invoices,
        eq(invoices.id, id),
        scope.patientId ? and(eq(invoices.patientId, scope.patientId), ne(invoices.status, 'draft')) : undefined,
      ),
    );
  if (!row) return null;
  const { invoice } = row;
  const lines = await deps.db
    .select()
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, invoice.id))
    .orderBy(asc(invoiceLines.position));
  const clinic = await clinicOf(deps, scope.tenant, invoice.centreId);
  const { status, balanceMinor } = storedInvoiceStatus(invoice);
  await audit(ctx, { action: 'invoice.pdf', entity: 'invoice', entityId: invoice.id });
  const pdf = await renderInvoicePdf({
    ...invoice,
    clinic,
    status,
    balanceMinor,
    zone: clinic.zone,
    patient: { name: fullName(row.patient), mrn: row.patient.mrn },
    lines,
  });
  return { pdf, filename: `invoice-${invoice.number ?? 'draft'}.pdf` };
}

/** Payments that took money (refunded ones included); created, authorised or failed ones have no receipt. */
const RECEIVED = ['captured', 'partially_refunded', 'refunded'];

/** The receipt PDF for one payment within `scope`, audited; null when there is none there. */
async function receiptPdf(deps: ApiDeps, ctx: Context, scope: Scope, id: string) {
  const [row] = await deps.db
    .select({
      payment: payments,
      patient: { firstName: patients.firstName, lastName: patients.lastName, mrn: patients.mrn },
    })
    .from(payments)
    .innerJoin(patients, eq(patients.id, payments.patientId))
    .where(
      scope.tenant.where(
        payments,
        eq(payments.id, id),
        inArray(payments.status, RECEIVED),
        scope.patientId ? eq(payments.patientId, scope.patientId) : undefined,
      ),
    );
  if (!row) return null;
  const { payment } = row;
  const [invoice] = payment.invoiceId
    ? await deps.db.select().from(invoices).where(eq(invoices.id, payment.invoiceId))
    : [];
  // The balance as it stood once this payment was in: the total less what had been received by then.
  const before = invoice
    ? await deps.db
        .select({ amountMinor: payments.amountMinor })
        .from(payments)
        .where(
          and(
            eq(payments.invoiceId, invoice.id),
            inArray(payments.status, RECEIVED),
            // Dates carry milliseconds, the column microseconds: name this payment itself.
            or(eq(payments.id, payment.id), lte(payments.receivedAt, payment.receivedAt)),
          ),
        )
    : [];
  const given = await deps.db
    .select()
    .from(refunds)
    .where(eq(refunds.paymentId, payment.id))
    .orderBy(asc(refunds.createdAt));
  const clinic = await clinicOf(deps, scope.tenant, invoice?.centreId ?? null);
  await audit(ctx, { action: 'payment.receipt', entity: 'payment', entityId: payment.id });
  const pdf = await renderReceiptPdf({
    ...payment,
    paymentId: payment.id,
    clinic,
    zone: clinic.zone,
    patient: { name: fullName(row.patient), mrn: row.patient.mrn },
    invoiceNumber: invoice?.number ?? null,
    balanceAfterMinor: invoice
      ? Math.max(0, invoice.totalMinor - before.reduce((sum, p) => sum + p.amountMinor, 0))
      : null,
    refunds: given,
  });
  const day = payment.receivedAt.toISOString().slice(0, 10);
  return { pdf, filename: `receipt-${day}-${payment.id.slice(0, 8)}.pdf` };
}

function pdfResponse({ pdf, filename }: { pdf: Buffer; filename: string }): Response {
  return new Response(new Uint8Array(pdf), {
    headers: {
      ...NO_STORE,
      'content-type': 'application/pdf',
      'content-length': String(pdf.length),
      'content-disposition': `attachment; filename="${filename}"`,
    },
  });
}

type SignedIn = { ctx: Context; scope: Scope };
type SignIn = (deps: ApiDeps, req: Request) => Promise<SignedIn | Response>;
type MakePdf = (
  deps: ApiDeps,
  ctx: Context,
  scope: Scope,
  id: string,
) => Promise<{ pdf: Buffer; filename: string } | null>;

/** Staff who may read billing: their whole organization. */
const staffScope: SignIn = async (deps, req) => {
  const ctx = await staffFromRequest(deps, req, 'billing:read');
  if (ctx instanceof Response) return ctx;
  return { ctx, scope: { tenant: ctx.tenant, patientId: null } };
};

/** A signed-in patient: their own documents only. */
const patientScope: SignIn = async (deps, req) => {
  const ctx = await createContext(deps, req);
  if (ctx.principal.kind !== 'patient') return problem(401, 'Please sign in.');
  return { ctx, scope: { tenant: tenantOf(ctx.principal.organizationId), patientId: ctx.principal.patientId } };
};

/** A PDF route: who may ask, what it makes; anything outside the asker's scope is a 404. */
function pdfRoute(getDeps: () => Promise<ApiDeps>, signIn: SignIn, make: MakePdf, missing: string) {
  return async (req: Request, route: Route): Promise<Response> => {
    const deps = await getDeps();
    const signedIn = await signIn(deps, req);
    if (signedIn instanceof Response) return signedIn;
    const id = z.uuid().safeParse((await route.params).id);
    const made = id.success ? await make(deps, signedIn.ctx, signedIn.scope, id.data) : null;
    return made ? pdfResponse(made) : problem(404, missing);
  };
}

/** `/api/invoices/<id>/pdf` on the dashboard: for roles that may read billing. */
export const createInvoicePdfHandler = (getDeps: () => Promise<ApiDeps>) =>
  pdfRoute(getDeps, staffScope, invoicePdf, 'Invoice not found.');

/** `/api/invoices/<id>/pdf` on the booking site: the signed-in patient's own issued or void invoices only. */
export const createPatientInvoicePdfHandler = (getDeps: () => Promise<ApiDeps>) =>
  pdfRoute(getDeps, patientScope, invoicePdf, 'Invoice not found.');

/** `/api/payments/<id>/receipt` on the dashboard: for roles that may read billing. */
export const createReceiptPdfHandler = (getDeps: () => Promise<ApiDeps>) =>
  pdfRoute(getDeps, staffScope, receiptPdf, 'Receipt not found.');

/** `/api/receipts/<paymentId>` on the booking site: receipts of the signed-in patient's own payments only. */
export const createPatientReceiptPdfHandler = (getDeps: () => Promise<ApiDeps>) =>
  pdfRoute(getDeps, patientScope, receiptPdf, 'Receipt not found.');
