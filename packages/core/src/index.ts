// What the other packages and apps use from the domain core, grouped by domain. Anything not
// listed here is core's own (its tests import it from the module files).

// Staff

export { STAFF_ROLE_LABELS, STAFF_ROLES, type StaffRole } from './constants';

// Scheduling: working hours, slots, recurring visits

export { weeklyOccurrences } from './recurrence';
export { aggregateSlots } from './slots/aggregate';
export {
  formatShortDay,
  type HoursGap,
  hoursGap,
  hoursGapReason,
  hoursGapSentence,
} from './slots/hours-check';
export { BOOKING_WINDOW_SLACK_DAYS, computeSlots, withinBookingWindow } from './slots/slots';
export type { AvailabilityException, BusyBlock, ClinicianSlots, DaySlots, WeeklyRule } from './slots/types';
export { checkWeeklyHours } from './slots/weekly-hours';
export { workingRanges } from './slots/working-ranges';

// Appointments: statuses and their changes, sources, consultation modes

export {
  APPOINTMENT_STATUS_LABELS,
  APPOINTMENT_STATUSES,
  type AppointmentStatus,
  checkStaffTransition,
  isLateCancellation,
  nextStatuses,
  OCCUPYING_STATUSES,
} from './appointment-status';
export {
  APPOINTMENT_SOURCES,
  type AppointmentSource,
  CONSULTATION_MODES,
  type ConsultationMode,
  PAYMENT_STATUSES,
  type PaymentStatus,
} from './constants';

// Patients: records, households, search, statistics, spreadsheet import

export { SEXES, type Sex } from './constants';
export { type ImportablePatient, importChanges } from './patient-import/changes';
export { type ColumnMapping, IMPORT_FIELD_NAMES, IMPORT_FIELDS, type ImportField } from './patient-import/fields';
export { findHeaderRow, mappingProblems, matchHeaders } from './patient-import/headers';
export { type ImportedPatient, parseImportRow, type RowProblem } from './patient-import/row';
export {
  AGE_BANDS,
  type AgeBand,
  NAME_MATCH_THRESHOLD,
  type PatientSearchTerms,
  parsePatientSearch,
} from './patient-search';
export { patientStatsBounds } from './patient-stats';
export {
  BLOOD_GROUPS,
  birthDateProblem,
  contactPhone,
  fillEmptyFields,
  type HouseholdRelationship,
  INVERSE_RELATIONSHIP,
  LINK_RELATIONSHIPS,
  type LinkRelationship,
  latestToday,
} from './patients';

// Clinical notes and vitals

export { mayAmendNote } from './clinical-notes';
export { VITAL_NAMES, VITAL_RANGES, type VitalName, type VitalsReading, vitalProblem } from './vitals';

// Money and billing: amounts in minor units, invoices, payments, refunds, prepayment, treatment plans

export { feeLine, offeredFees } from './billing/fee-line';
export {
  checkRefund,
  INVOICE_STATUS_LABELS,
  INVOICE_STATUSES,
  type InvoiceStatus,
  invoiceStatus,
  linePaidShares,
  storedInvoiceStatus,
} from './billing/invoice-status';
export { type Discount, type InvoiceLineInput, invoiceTotals } from './billing/invoice-totals';
export {
  creditedMinor,
  gatewayPaymentStatus,
  newPaymentState,
  type PaymentEvent,
  type PaymentState,
  paymentEventEffect,
} from './billing/payment-state';
export {
  prepaymentDueMinor,
  prepaymentMinor,
  UNPAID_BOOKING_HOLD_MINUTES,
  visitPaymentStatus,
} from './billing/prepayment';
export { toothName, universalToFdi } from './billing/teeth';
export {
  checkPlanEditable,
  checkPlanTransition,
  checkTreatmentTransition,
  type PlanCheck,
  type PlanStatus,
  planTotals,
  TREATMENT_STATUS_LABELS,
  TREATMENT_STATUSES,
  type TreatmentStatus,
  treatmentBillingRefusal,
} from './billing/treatment-plan';
export { addMinor, formatMoney, minorDigits } from './money';
export { basisPointsToText, minorToText, textToBasisPoints, textToMinor } from './money-text';

// Messaging: channels and consent, kinds and templates, reminders, delivery, replies

export { type ContactConsent, channelRecipient, channelRefusal, firstAllowedChannel } from './consent';
export {
  NOTIFICATION_CHANNEL_NAMES,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_STATUSES,
  type NotificationChannel,
} from './constants';
export { channelOrder } from './messaging/channels';
export { localDateTimeParts } from './messaging/date-time';
export { DEFAULT_TEMPLATES, defaultTemplate } from './messaging/defaults';
export {
  type DeliveryStatus,
  deliveryFailureReason,
  isDelivered,
  isDeliveryFailure,
  isDeliveryStatus,
  nextDeliveryStatus,
} from './messaging/delivery-status';
export { maskRecipient, resendRefusal } from './messaging/history';
export {
  isMessageKind,
  isMessageLanguage,
  KIND_VARIABLES,
  MESSAGE_KIND_LABELS,
  MESSAGE_KINDS,
  MESSAGE_LANGUAGE_LABELS,
  MESSAGE_LANGUAGES,
  type MessageKind,
  type MessageLanguage,
  STAFF_CHANGE_WORDS,
  TEMPLATE_VARIABLES,
} from './messaging/kinds';
export { CLOCK_TIME } from './messaging/quiet-hours';
export { planReminders } from './messaging/reminders';
export {
  checkTemplate,
  type MessageTemplate,
  previewTemplate,
  renderMessage,
  smsSegments,
} from './messaging/templates';
export { smsReplyIntent } from './sms-reply';

// Forms: questionnaires, answers, form links

export {
  FORM_LINK_DEFAULT_DAYS,
  FORM_LINK_MAX_BIRTH_DATE_ATTEMPTS,
  type FormRequestState,
  formRequestState,
  formRequestUsable,
  isFormToken,
} from './form-requests';
export { answerProblems, normaliseAnswers } from './questionnaire/answers';
export { CLINIC_KINDS, type ClinicKind, DEFAULT_QUESTIONNAIRES } from './questionnaire/defaults';
export { questionnaireProblems } from './questionnaire/definition';
export { uniqueSlug } from './questionnaire/slug';
export { type SnapshotItem, snapshotQuestions } from './questionnaire/snapshot';
export {
  type Answer,
  type Answers,
  CHOICE_TYPES,
  QUESTION_TYPES,
  QUESTIONNAIRE_LIMITS,
  type Question,
  type Questionnaire,
  type QuestionType,
  type ShowWhen,
  YES_NO_OPTIONS,
} from './questionnaire/types';
export { visibleQuestions } from './questionnaire/visibility';

// Time and zones

export {
  addLocalDays,
  formatLocalTime,
  isoWeekdayOf,
  localDate,
  localDayBounds,
  MONTH_NAMES,
  zonedTime,
} from './time';
export { ianaZone, knownZones } from './zones';

// Phones and names

export { fullName, initials } from './names';
export { formatPhone, maskPhone, normalisePhone } from './phone';

// Staff passwords

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordLengthProblem } from './password-rule';

// Organization and centre settings

export {
  gstinProblem,
  isCurrencyCode,
  normaliseTaxId,
  ONLINE_BOOKING_LABELS,
  ONLINE_BOOKING_POLICIES,
  type OnlineBookingPolicy,
  SITE_SLUG,
  taxIdLabel,
  taxIdProblem,
  WEEKDAY_NAMES,
} from './organization';

// Organization logo

export { LOGO_MAX_BYTES, logoPrecheck } from './logo';

// Configuration

export { parseEnv } from './env';
