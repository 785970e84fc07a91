import type { TRPCRouterRecord } from '@trpc/server';
import { patientProcedure } from '../../trpc';
import { billingHandler } from './billing.handler';
import { bookHandler } from './book.handler';
import { cancelOwnInput, payOwnInput, rescheduleOwnInput, slotInput } from './book.schema';
import { cancelOwnHandler, rescheduleOwnHandler } from './change-own.handler';
import { holdHandler } from './hold.handler';
import { myAppointmentsHandler } from './my-appointments.handler';
import { payOwnHandler } from './pay.handler';

export const portalRouter = {
  myAppointments: patientProcedure.query(myAppointmentsHandler),
  billing: patientProcedure.query(billingHandler),
  hold: patientProcedure.input(slotInput).mutation(holdHandler),
  book: patientProcedure.input(slotInput).mutation(bookHandler),
  cancel: patientProcedure.input(cancelOwnInput).mutation(cancelOwnHandler),
  reschedule: patientProcedure.input(rescheduleOwnInput).mutation(rescheduleOwnHandler),
  pay: patientProcedure.input(payOwnInput).mutation(payOwnHandler),
} satisfies TRPCRouterRecord;
