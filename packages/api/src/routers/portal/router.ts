import type { TRPCRouterRecord } from '@trpc/server';
import { patientProcedure } from '../../trpc';
import { myAppointmentsHandler } from './my-appointments.handler';

export const portalRouter = {
  myAppointments: patientProcedure.query(myAppointmentsHandler),
} satisfies TRPCRouterRecord;
