import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import {
  createPatientSession,
  createRateLimits,
  createStaffSession,
  loadPrincipal,
  type Principal,
  sessionCookieName,
} from '@carelane/auth';
import { addLocalDays, localDate, type StaffRole, zonedTime } from '@carelane/core';
import {
  appointmentTypes,
  availabilityRules,
  centres,
  clinicianAppointmentTypes,
  clinicianProfiles,
  type Database,
  hashPassword,
  localChannelMessages,
  organizations,
  patients,
  staffCentres,
  staffUsers,
} from '@carelane/db';
import { JitsiVideoLinks } from '@carelane/integrations';
import { desc, eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { type ApiDeps, appRouter, type Context, createCallerFactory, createTrpcHandler } from '../src';
import { localChannels } from '../src/messaging/local-channel';

export const SECRET = 'test-secret-that-is-at-least-32-characters-long';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString('hex')}`;
let phoneCounter = 0;
/** Distinct valid Indian mobile numbers. */
export const nextPhone = () => `+9198${String(10_000_000 + phoneCounter++ * 7919).slice(-8)}`;

export function deps(db: Database, overrides: Partial<ApiDeps> = {}): ApiDeps {
  return {
    db,
    secret: SECRET,
    rateLimits: createRateLimits(db),
    channels: localChannels(db),
    videoLinks: new JitsiVideoLinks(),
    bookingUrl: 'http://localhost:3001',
    formsUrl: 'http://localhost:3000',
    audience: 'staff',
    siteOrganizationId: null,
    ...overrides,
  };
}

/** One organization with a centre, a clinician, an appointment type and a patient. */
export async function createClinic(db: Database, name = 'Test Clinic') {
  const [org] = await db
    .insert(organizations)
    .values({ name, slug: `org-${unique()}`, defaultZone: 'Asia/Kolkata', currency: 'INR', country: 'IN' })
    .returning();
  if (!org) throw new Error('no org');
  const [centre] = await db
    .insert(centres)
    .values({ organizationId: org.id, name: 'Main', addressLine: '1 MG Road', city: 'Bengaluru', zone: 'Asia/Kolkata' })
    .returning();
  if (!centre) throw new Error('no centre');
  const clinician = await createStaff(db, org.id, centre.id, 'clinician');
  await db.insert(clinicianProfiles).values({
    staffUserId: clinician.id,
    organizationId: org.id,
    slug: `dr-${unique()}`,
    specialisations: ['General practice'],
    languages: ['English'],
    feeMinor: 50_000,
    currency: 'INR',
  });
  const [type] = await db
    .insert(appointmentTypes)
    .values({
      organizationId: org.id,
      name: 'Consultation',
      durationMinutes: 30,
      priceMinor: 50_000,
      currency: 'INR',
      colour: '#2563eb',
    })
    .returning();
  if (!type) throw new Error('no type');
  await offerTypes(db, org.id, [clinician.id], [type.id]);
  const patient = await createPatient(db, org.id);
  return { org, centre, clinician, type, patient };
}

/** Every clinician in `clinicianIds` offers every type in `typeIds` (only offered types can be booked). */
export async function offerTypes(db: Database, organizationId: string, clinicianIds: string[], typeIds: string[]) {
  const rows = clinicianIds.flatMap((clinicianId) =>
    typeIds.map((typeId) => ({ organizationId, clinicianId, typeId })),
  );
  if (rows.length) await db.insert(clinicianAppointmentTypes).values(rows).onConflictDoNothing();
}

export async function createStaff(
  db: Database,
  organizationId: string,
  centreId: string,
  role: StaffRole,
  password?: string,
) {
  const [user] = await db
    .insert(staffUsers)
    .values({
      organizationId,
      name: `${role} ${unique()}`,
      email: `${role}-${unique()}@test.example`,
      phone: nextPhone(),
      role,
      defaultCentreId: centreId,
      passwordHash: password ? await hashPassword(password) : null,
    })
    .returning();
  if (!user) throw new Error('no user');
  await db.insert(staffCentres).values({ organizationId, staffUserId: user.id, centreId });
  return user;
}

export async function createPatient(db: Database, organizationId: string, phone = nextPhone()) {
  const [patient] = await db
    .insert(patients)
    .values({ organizationId, mrn: `T-${unique()}`, firstName: 'Test', lastName: 'Patient', phone, consentSms: true })
    .returning();
  if (!patient) throw new Error('no patient');
  return patient;
}

/** The newest sign-in code the local channel "delivered" to `phone`. */
export async function lastCodeSentTo(db: Database, phone: string): Promise<string> {
  const [message] = await db
    .select()
    .from(localChannelMessages)
    .where(eq(localChannelMessages.recipient, phone))
    .orderBy(desc(localChannelMessages.createdAt))
    .limit(1);
  const code = /\b(\d{6})\b/.exec(message?.body ?? '')?.[1];
  if (!code) throw new Error('no code delivered');
  return code;
}

const createCaller = createCallerFactory(appRouter);

/** A tRPC caller acting as `principal`, for handler-level tests. */
export function callerAs(db: Database, principal: Principal, overrides: Partial<ApiDeps> = {}) {
  const ctx: Context = { ...deps(db, overrides), principal, requestId: `test-${unique()}`, ip: '127.0.0.1' };
  return createCaller(ctx);
}

/** Signs a staff member in for real (server-side session) and returns their principal. */
export async function signedInStaff(db: Database, userId: string) {
  const sessionId = await createStaffSession(db, userId, { ip: '127.0.0.1' });
  const principal = await loadPrincipal(db, sessionId);
  return { sessionId, principal };
}

/** The session cookie a browser would hold for a server-side session. */
export async function sessionCookie(sessionId: string, audience: 'staff' | 'patient' = 'staff') {
  const token = await encode({ token: { sid: sessionId }, secret: SECRET });
  return `${sessionCookieName(audience)}=${token}`;
}

/** Serves the real tRPC fetch handler over HTTP on a free loopback port. */
export async function startApiServer(apiDeps: ApiDeps): Promise<{ url: string; server: Server }> {
  const handler = createTrpcHandler(() => apiDeps);
  const { url, server } = await serveRequests(handler);
  return { url: `${url}/api/trpc`, server };
}

/** A local HTTP server answering every request with a fetch-style handler (a route handler of the apps). */
export async function serveRequests(
  handler: (req: Request) => Promise<Response>,
): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(key, value);
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const response = await handler(
      new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, ...(body ? { body } : {}) }),
    );
    res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, server };
}

/** POSTs a tRPC mutation to a server from startApiServer: the status, and the result or error envelope. */
export async function postTrpc(url: string, path: string, body: unknown, cookie?: string) {
  const response = await fetch(`${url}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ json: body }),
  });
  // superjson wraps the result and the error envelope in { json }.
  const raw = (await response.json()) as {
    result?: { data: { json: unknown } };
    error?: { json: { message: string; data: Record<string, unknown> } };
  };
  return { status: response.status, body: { result: raw.result?.data.json, error: raw.error?.json } };
}

/** Working hours every day 09:00–17:00 at the clinic's centre, valid for years around now. */
export async function addDailyHours(db: Database, clinic: Awaited<ReturnType<typeof createClinic>>) {
  await db.insert(availabilityRules).values(
    [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      organizationId: clinic.org.id,
      clinicianId: clinic.clinician.id,
      centreId: clinic.centre.id,
      weekday,
      startTime: '09:00',
      endTime: '17:00',
      validFrom: '2020-01-01',
    })),
  );
}

/**
 * Working hours round the clock, every day, for tests about something other than hours: staff
 * bookings must fall inside working time, and these let such a test book at any minute.
 */
export async function addAllDayHours(
  db: Database,
  clinic: Awaited<ReturnType<typeof createClinic>>,
  clinicianIds: string[] = [clinic.clinician.id],
  centreId: string = clinic.centre.id,
) {
  await db.insert(availabilityRules).values(
    clinicianIds.flatMap((clinicianId) =>
      [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        organizationId: clinic.org.id,
        clinicianId,
        centreId,
        weekday,
        startTime: '00:00',
        endTime: '24:00',
        validFrom: '2020-01-01',
      })),
    ),
  );
}

/** A signed-in patient principal (real server-side session). */
export async function signedInPatient(db: Database, patientId: string) {
  const sessionId = await createPatientSession(db, patientId, { ip: '127.0.0.1' });
  return loadPrincipal(db, sessionId);
}

/** The instant of a local India wall-clock time `daysAhead` days from today. */
export function indiaTime(daysAhead: number, hh: number, mm = 0): Date {
  const date = addLocalDays(localDate(new Date(), 'Asia/Kolkata'), daysAhead);
  return zonedTime(date, hh, mm, 'Asia/Kolkata');
}
