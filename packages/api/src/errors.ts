import { RateLimitedError, SignInError } from '@carelane/auth';
import { pgErrorInfo } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';

/** Sentences a receptionist understands, by the constraint that refused the write. */
const UNIQUE_MESSAGES: Record<string, string> = {
  patients_org_phone_key: 'Another patient already has this phone number.',
  patients_org_mrn_key: 'Another patient already has this record number.',
  staff_users_email_key: 'A staff member with this email already exists.',
  staff_users_phone_key: 'A staff member with this phone number already exists.',
  centres_org_name_key: 'A centre with this name already exists.',
  clinician_profiles_org_slug_key: 'Another clinician already uses this profile address.',
  procedures_org_name_key: 'A procedure with this name is already on the price list.',
  questionnaire_versions_org_version_key:
    'Someone else published these questions at the same moment. Reload to see their changes, then edit again.',
};

/**
 * The one place that turns failures into API errors: Postgres overlap and duplicate errors
 * become CONFLICT with a plain sentence; anything unexpected becomes a generic
 * INTERNAL_SERVER_ERROR that carries no SQL, values or stack.
 */
export function toTrpcError(error: TRPCError, requestId: string): TRPCError {
  const cause = error.cause;
  if (error.code !== 'INTERNAL_SERVER_ERROR') return error;
  if (cause instanceof RateLimitedError) return new TRPCError({ code: 'TOO_MANY_REQUESTS', message: cause.message });
  if (cause instanceof SignInError) return new TRPCError({ code: 'BAD_REQUEST', message: cause.message });
  const pg = pgErrorInfo(cause);
  if (pg?.code === '23P01') {
    return new TRPCError({
      code: 'CONFLICT',
      message: 'That time overlaps another appointment of this clinician. Choose another time.',
    });
  }
  if (pg?.code === '23505') {
    return new TRPCError({
      code: 'CONFLICT',
      message: (pg.constraint && UNIQUE_MESSAGES[pg.constraint]) ?? 'This record already exists.',
    });
  }
  if (pg?.code === '40P01' || pg?.code === '40001') {
    // Writes that raced another and could not be ordered; trying again settles it.
    return new TRPCError({
      code: 'CONFLICT',
      message: 'Someone else changed this at the same moment. Please try again.',
    });
  }
  if (pg?.code === '23503') {
    return new TRPCError({ code: 'NOT_FOUND', message: 'Something this refers to no longer exists.' });
  }
  // Log the kind of failure and the reference, never the message (it can carry bound values).
  const name = cause instanceof Error ? cause.name : 'Error';
  console.error(`request ${requestId} failed: ${name}${pg ? ` (SQLSTATE ${pg.code})` : ''}`);
  return new TRPCError({
    code: 'INTERNAL_SERVER_ERROR',
    message: `Something went wrong on our side. Please try again. (Reference ${requestId.slice(0, 8)})`,
  });
}

export type ErrorDetail = { field: string; message: string };

export function zodDetails(cause: unknown): ErrorDetail[] {
  if (!(cause instanceof ZodError)) return [];
  return cause.issues.map((issue) => ({ field: issue.path.map(String).join('.') || 'input', message: issue.message }));
}

/** "Please check: startsAt — Invalid date" for the top of a form. */
export function zodSummary(details: ErrorDetail[]): string {
  return `Please check ${details.map((d) => `${d.field}: ${d.message}`).join('; ')}`;
}

/**
 * The record a CONFLICT is about (the patient who already has this phone), so a form can link
 * to it. Only ever a record of the caller's own organization.
 */
export type ConflictRecord = { kind: 'patient'; id: string; name: string; mrn: string };

/** Carries the record on the error's cause; the error formatter puts it in `data.existing`. */
class ConflictWithRecord extends Error {
  constructor(readonly record: ConflictRecord) {
    super('Conflict with an existing record');
    this.name = 'ConflictWithRecord';
  }
}

export function conflictWith(message: string, record: ConflictRecord): TRPCError {
  return new TRPCError({ code: 'CONFLICT', message, cause: new ConflictWithRecord(record) });
}

export function conflictRecord(error: TRPCError): ConflictRecord | null {
  return error.code === 'CONFLICT' && error.cause instanceof ConflictWithRecord ? error.cause.record : null;
}

/** A booked visit a change would leave outside its clinician's working time (time off over it). */
export type BookedVisit = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  patientName: string;
  clinicianName: string;
  centreName: string;
};

/** Carries the visits on the error's cause; the error formatter puts them in `data.bookedVisits`. */
class ConflictWithVisits extends Error {
  constructor(readonly visits: BookedVisit[]) {
    super('Conflict with booked visits');
    this.name = 'ConflictWithVisits';
  }
}

/** CONFLICT that lists the booked visits a change would cover, so the form can ask to confirm. */
export function conflictWithVisits(message: string, visits: BookedVisit[]): TRPCError {
  return new TRPCError({ code: 'CONFLICT', message, cause: new ConflictWithVisits(visits) });
}

export function conflictVisits(error: TRPCError): BookedVisit[] | null {
  return error.code === 'CONFLICT' && error.cause instanceof ConflictWithVisits ? error.cause.visits : null;
}

export function notFound(what: string): TRPCError {
  return new TRPCError({ code: 'NOT_FOUND', message: `${what} was not found.` });
}
