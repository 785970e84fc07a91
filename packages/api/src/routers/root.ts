import { router } from '../trpc';
import { accountRouter } from './account/router';
import { appointmentTypesRouter } from './appointment-types/router';
import { appointmentsRouter } from './appointments/router';
import { auditRouter } from './audit/router';
import { authRouter } from './auth/router';
import { availabilityRouter } from './availability/router';
import { calendarRouter } from './calendar/router';
import { centresRouter } from './centres/router';
import { clinicalNotesRouter } from './clinical-notes/router';
import { cliniciansRouter } from './clinicians/router';
import { confirmationsRouter } from './confirmations/router';
import { formsRouter } from './forms/router';
import { householdsRouter } from './households/router';
import { invitationRouter } from './invitation/router';
import { invoicesRouter } from './invoices/router';
import { meRouter } from './me/router';
import { messageTemplatesRouter } from './message-templates/router';
import { messagesRouter } from './messages/router';
import { organizationRouter } from './organization/router';
import { passwordResetRouter } from './password-reset/router';
import { patientImportsRouter } from './patient-imports/router';
import { patientsRouter } from './patients/router';
import { portalRouter } from './portal/router';
import { proceduresRouter } from './procedures/router';
import { setupRouter } from './setup/router';
import { staffRouter } from './staff/router';
import { treatmentPlansRouter } from './treatment-plans/router';
import { treatmentsRouter } from './treatments/router';
import { waitlistRouter } from './waitlist/router';

export const appRouter = router({
  account: accountRouter,
  appointments: appointmentsRouter,
  appointmentTypes: appointmentTypesRouter,
  audit: auditRouter,
  auth: authRouter,
  availability: availabilityRouter,
  calendar: calendarRouter,
  centres: centresRouter,
  clinicalNotes: clinicalNotesRouter,
  clinicians: cliniciansRouter,
  confirmations: confirmationsRouter,
  households: householdsRouter,
  invitation: invitationRouter,
  invoices: invoicesRouter,
  me: meRouter,
  messages: messagesRouter,
  messageTemplates: messageTemplatesRouter,
  organization: organizationRouter,
  patientImports: patientImportsRouter,
  passwordReset: passwordResetRouter,
  patients: patientsRouter,
  forms: formsRouter,
  portal: portalRouter,
  procedures: proceduresRouter,
  setup: setupRouter,
  staff: staffRouter,
  treatmentPlans: treatmentPlansRouter,
  treatments: treatmentsRouter,
  waitlist: waitlistRouter,
});

export type AppRouter = typeof appRouter;
