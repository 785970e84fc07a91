import type { TRPCRouterRecord } from '@trpc/server';
import { staffProcedure } from '../../trpc';
import { cancelHandler } from './cancel.handler';
import { cancelInput } from './cancel.schema';
import { createAppointmentHandler } from './create.handler';
import { createAppointmentInput } from './create.schema';
import { dayHandler } from './day.handler';
import { dayInput } from './day.schema';
import { appointmentPaymentLinkHandler } from './payment-link.handler';
import { appointmentPaymentLinkInput } from './payment-link.schema';
import { recurringHandler } from './recurring.handler';
import { recurringInput } from './recurring.schema';
import { rescheduleHandler } from './reschedule.handler';
import { rescheduleInput } from './reschedule.schema';
import { setStatusHandler } from './set-status.handler';
import { setStatusInput } from './set-status.schema';

export const appointmentsRouter = {
  day: staffProcedure('appointments:read').input(dayInput).query(dayHandler),
  create: staffProcedure('appointments:write').input(createAppointmentInput).mutation(createAppointmentHandler),
  createRecurring: staffProcedure('appointments:write').input(recurringInput).mutation(recurringHandler),
  setStatus: staffProcedure('appointments:write').input(setStatusInput).mutation(setStatusHandler),
  cancel: staffProcedure('appointments:write').input(cancelInput).mutation(cancelHandler),
  reschedule: staffProcedure('appointments:write').input(rescheduleInput).mutation(rescheduleHandler),
  createPaymentLink: staffProcedure('billing:write')
    .input(appointmentPaymentLinkInput)
    .mutation(appointmentPaymentLinkHandler),
} satisfies TRPCRouterRecord;
