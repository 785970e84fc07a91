/**
 * The audit log's actions as people read them: the one place their labels are kept. `access`
 * marks the entries that say someone opened (`read`) or took away (`download`) a patient's data,
 * which the patient record's "Opened by" list shows. An action missing here (a new one, or a
 * failed call logged under its procedure's path) is shown from its own name.
 */
type ActionInfo = { label: string; access?: 'read' | 'download' };

export const AUDIT_ACTIONS: Record<string, ActionInfo> = {
  'auth.sign_in': { label: 'Signed in' },
  'auth.sign_in_failed': { label: 'Sign-in failed' },
  'auth.sign_out': { label: 'Signed out' },
  'auth.session_expired': { label: 'Session expired' },
  'auth.register': { label: 'Registered on the booking site' },

  'patient.read': { label: 'Opened patient record', access: 'read' },
  'patient.appointments.read': { label: 'Viewed patient’s appointments', access: 'read' },
  'patient.billing.read': { label: 'Viewed patient’s billing', access: 'read' },
  'patient.billable.read': { label: 'Viewed patient’s unbilled items', access: 'read' },
  'patient.statement.read': { label: 'Viewed patient’s statement', access: 'read' },
  'patient.treatments.read': { label: 'Viewed patient’s treatments', access: 'read' },
  'clinical_note.read': { label: 'Read clinical notes', access: 'read' },
  'clinical_note.list': { label: 'Viewed list of clinical notes', access: 'read' },
  'treatment_plan.list': { label: 'Viewed treatment plans', access: 'read' },
  'invoice.read': { label: 'Opened invoice', access: 'read' },
  'form_submission.read': { label: 'Opened form answers', access: 'read' },
  'invoice.pdf': { label: 'Downloaded invoice PDF', access: 'download' },
  'payment.receipt': { label: 'Downloaded receipt', access: 'download' },
  'patient.export': { label: 'Exported patient list', access: 'download' },
  'audit.export': { label: 'Exported audit log', access: 'download' },

  'patient.create': { label: 'Registered patient' },
  'patient.update': { label: 'Edited patient' },
  'patient.archive': { label: 'Archived patient' },
  'patient.restore': { label: 'Restored patient' },
  'patient.merge': { label: 'Merged duplicate patient' },
  'patient.merged_into': { label: 'Merged into another record' },
  'household.link': { label: 'Linked to household' },
  'household.unlink': { label: 'Removed from household' },
  'patient_import.upload': { label: 'Uploaded patient import' },
  'patient_import.dry_run': { label: 'Checked patient import' },
  'patient_import.start': { label: 'Started patient import' },
  'patient_import.complete': { label: 'Patient import finished' },
  'patient_import.fail': { label: 'Patient import failed' },
  'patient_import.report': { label: 'Downloaded import report', access: 'download' },

  'appointment.create': { label: 'Booked appointment' },
  'appointment.overbook': { label: 'Overbooked appointment' },
  'appointment.book': { label: 'Booked online' },
  'appointment.create_series': { label: 'Booked recurring appointments' },
  'appointment.reschedule': { label: 'Rescheduled appointment' },
  'appointment.cancel': { label: 'Cancelled appointment' },
  'appointment.pending': { label: 'Marked appointment pending' },
  'appointment.confirmed': { label: 'Confirmed appointment' },
  'appointment.checked_in': { label: 'Checked patient in' },
  'appointment.completed': { label: 'Completed appointment' },
  'appointment.cancelled': { label: 'Cancelled appointment' },
  'appointment.no_show': { label: 'Marked no-show' },
  'appointment.patient_confirm': { label: 'Patient confirmed by link' },
  'appointment.link_view': { label: 'Opened reminder link' },
  'appointment.release_unpaid': { label: 'Released unpaid booking' },
  'waitlist.add': { label: 'Added to waitlist' },
  'waitlist.join': { label: 'Joined waitlist' },
  'waitlist.remove': { label: 'Removed from waitlist' },
  'waitlist.leave': { label: 'Left waitlist' },
  'waitlist.accept': { label: 'Accepted waitlist offer' },

  'clinical_note.create': { label: 'Wrote clinical note' },
  'clinical_note.amend': { label: 'Amended clinical note' },
  'treatment.create': { label: 'Recorded treatment' },
  'treatment.update': { label: 'Edited treatment' },
  'treatment.remove': { label: 'Removed treatment' },
  'treatment_plan.create': { label: 'Created treatment plan' },
  'treatment_plan.update': { label: 'Edited treatment plan' },
  'treatment_plan.accept': { label: 'Treatment plan accepted' },
  'treatment_plan.decline': { label: 'Treatment plan declined' },

  'invoice.create': { label: 'Drafted invoice' },
  'invoice.issue': { label: 'Issued invoice' },
  'invoice.void': { label: 'Voided invoice' },
  'payment.record': { label: 'Recorded payment' },
  'payment.refund': { label: 'Refunded payment' },
  'payment.checkout': { label: 'Started online payment' },
  'payment_link.create': { label: 'Sent payment link' },

  'form_request.create': { label: 'Sent form link' },
  'form_request.revoke': { label: 'Revoked form link' },
  'form_request.open': { label: 'Opened form link' },
  'form_request.confirm': { label: 'Confirmed birth date on form' },
  'form_request.birth_date_mismatch': { label: 'Wrong birth date on form' },
  'form_request.lock': { label: 'Form link locked' },
  'form_submission.create': { label: 'Submitted form' },
  'questionnaire.publish': { label: 'Published questionnaire' },

  'message.read': { label: 'Opened message' },
  'message.resend': { label: 'Resent message' },
  'notification.delivery_status': { label: 'Message delivery update' },
  'message_template.update': { label: 'Edited message template' },
  'message_template.reset': { label: 'Reset message template' },

  'organization.update': { label: 'Edited organization settings' },
  'organization.update_messaging_settings': { label: 'Edited messaging settings' },
  'organization.logo.update': { label: 'Changed logo' },
  'organization.logo.remove': { label: 'Removed logo' },
  'appointment_type.create': { label: 'Created appointment type' },
  'appointment_type.update': { label: 'Edited appointment type' },
  'appointment_type.archive': { label: 'Archived appointment type' },
  'appointment_type.restore': { label: 'Restored appointment type' },
  'procedure.create': { label: 'Added procedure' },
  'procedure.update': { label: 'Edited procedure' },
  'availability.set_weekly_hours': { label: 'Set weekly hours' },
  'availability.add_time_off': { label: 'Added time off' },
  'availability.add_extra_hours': { label: 'Added extra hours' },
  'availability.add_closure': { label: 'Added closure' },
  'availability.remove_time_off': { label: 'Removed time off' },
  'availability.remove_extra_hours': { label: 'Removed extra hours' },
  'availability.remove_closure': { label: 'Removed closure' },
  'staff.enable': { label: 'Enabled staff account' },
  'staff.disable': { label: 'Disabled staff account' },
};

/** Actions that opened or downloaded a patient's data. */
export const ACCESS_ACTIONS = Object.entries(AUDIT_ACTIONS)
  .filter(([, info]) => info.access)
  .map(([action]) => action);

/** 'clinical_note.read' -> its label; an unknown 'staff.invite' -> 'Staff: invite'. */
export function actionLabel(action: string): string {
  const known = AUDIT_ACTIONS[action]?.label;
  if (known) return known;
  const [head = action, ...rest] = action.split('.');
  const words = (s: string) =>
    s
      .replace(/[_-]+/g, ' ')
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase();
  const subject = words(head);
  const title = subject.charAt(0).toUpperCase() + subject.slice(1);
  return rest.length > 0 ? `${title}: ${words(rest.join(' '))}` : title;
}
