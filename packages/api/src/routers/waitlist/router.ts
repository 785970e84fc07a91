import type { TRPCRouterRecord } from '@trpc/server';
import { patientProcedure, staffProcedure } from '../../trpc';
import { listWaitlistHandler } from './list.handler';
import { listWaitlistInput } from './list.schema';
import {
  acceptOfferHandler,
  addToWaitlistHandler,
  joinWaitlistHandler,
  leaveWaitlistHandler,
  myWaitlistHandler,
  removeFromWaitlistHandler,
} from './waitlist.handler';
import { acceptOfferInput, addToWaitlistInput, joinWaitlistInput, waitlistIdInput } from './waitlist.schema';

export const waitlistRouter = {
  join: patientProcedure.input(joinWaitlistInput).mutation(joinWaitlistHandler),
  mine: patientProcedure.query(myWaitlistHandler),
  leave: patientProcedure.input(waitlistIdInput).mutation(leaveWaitlistHandler),
  acceptOffer: patientProcedure.input(acceptOfferInput).mutation(acceptOfferHandler),
  add: staffProcedure('appointments:write').input(addToWaitlistInput).mutation(addToWaitlistHandler),
  list: staffProcedure('appointments:read').input(listWaitlistInput).query(listWaitlistHandler),
  remove: staffProcedure('appointments:write').input(waitlistIdInput).mutation(removeFromWaitlistHandler),
} satisfies TRPCRouterRecord;
