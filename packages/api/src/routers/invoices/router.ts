import type { TRPCRouterRecord } from '@trpc/server';
import { staffProcedure } from '../../trpc';
import { billableHandler } from './billable.handler';
import { invoiceCreateHandler } from './create.handler';
import {
  invoiceCreateInput,
  invoiceIdInput,
  invoiceVoidInput,
  patientBillingInput,
  paymentLinkInput,
  recordPaymentInput,
  refundInput,
} from './invoices.schema';
import { invoiceIssueHandler, invoiceVoidHandler } from './issue.handler';
import { invoiceListHandler } from './list.handler';
import { invoiceListInput, takingsInput } from './list.schema';
import { paymentLinkHandler } from './payment-link.handler';
import { recordPaymentHandler, refundHandler } from './payments.handler';
import { invoiceByIdHandler, patientBillingHandler } from './read.handler';
import { statementHandler } from './statement.handler';
import { takingsHandler } from './summary.handler';

export const invoicesRouter = {
  /** Every invoice of the organization by tab, for the dashboard's Billing section. */
  list: staffProcedure('billing:read').input(invoiceListInput).query(invoiceListHandler),
  /** Money received and refunded per day and method, in the organization's zone. */
  takings: staffProcedure('billing:read').input(takingsInput).query(takingsHandler),
  forPatient: staffProcedure('billing:read').input(patientBillingInput).query(patientBillingHandler),
  byId: staffProcedure('billing:read').input(invoiceIdInput).query(invoiceByIdHandler),
  create: staffProcedure('billing:write').input(invoiceCreateInput).mutation(invoiceCreateHandler),
  issue: staffProcedure('billing:write').input(invoiceIdInput).mutation(invoiceIssueHandler),
  void: staffProcedure('billing:refund').input(invoiceVoidInput).mutation(invoiceVoidHandler),
  recordPayment: staffProcedure('billing:write').input(recordPaymentInput).mutation(recordPaymentHandler),
  refund: staffProcedure('billing:refund').input(refundInput).mutation(refundHandler),
  createPaymentLink: staffProcedure('billing:write').input(paymentLinkInput).mutation(paymentLinkHandler),
  billable: staffProcedure('billing:read').input(patientBillingInput).query(billableHandler),
  statement: staffProcedure('billing:read').input(patientBillingInput).query(statementHandler),
} satisfies TRPCRouterRecord;
