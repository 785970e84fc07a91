import type { TRPCRouterRecord } from '@trpc/server';
import { publicProcedure, staffProcedure } from '../../trpc';
import { createFormLinkHandler, patientFormsHandler, revokeFormLinkHandler } from './links.handler';
import { createFormLinkInput, patientFormsInput, revokeFormLinkInput } from './links.schema';
import { formsOverviewHandler } from './overview.handler';
import { formsOverviewInput } from './overview.schema';
import { confirmFormHandler, openFormHandler, submitFormHandler } from './public.handler';
import { confirmFormInput, openFormInput, submitFormInput } from './public.schema';
import { currentQuestionnaireHandler, publishQuestionnaireHandler } from './questionnaire.handler';
import { publishQuestionnaireInput } from './questionnaire.schema';
import { formSubmissionHandler } from './submission.handler';
import { formSubmissionInput } from './submission.schema';

export const formsRouter = {
  questionnaire: staffProcedure('patients:read').query(currentQuestionnaireHandler),
  publish: staffProcedure('questionnaire:manage')
    .input(publishQuestionnaireInput)
    .mutation(publishQuestionnaireHandler),
  createLink: staffProcedure('forms:send').input(createFormLinkInput).mutation(createFormLinkHandler),
  forPatient: staffProcedure('patients:read').input(patientFormsInput).query(patientFormsHandler),
  /** Every link of the organization with its state, for the dashboard's Forms section. */
  overview: staffProcedure('patients:read').input(formsOverviewInput).query(formsOverviewHandler),
  revokeLink: staffProcedure('forms:send').input(revokeFormLinkInput).mutation(revokeFormLinkHandler),
  submission: staffProcedure('form_submissions:read').input(formSubmissionInput).query(formSubmissionHandler),
  /** The patient's side of a link: no sign-in (see public.handler.ts). */
  open: publicProcedure.input(openFormInput).mutation(openFormHandler),
  confirm: publicProcedure.input(confirmFormInput).mutation(confirmFormHandler),
  submit: publicProcedure.input(submitFormInput).mutation(submitFormHandler),
} satisfies TRPCRouterRecord;
