import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { appointments, notifications } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { twilioSignature } from '@carelane/integrations/messaging';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Context } from '../src/context';
import { createTwilioInboundHandler } from '../src/http/twilio-inbound';
import { answerSmsReply, REPLY_HELP, REPLY_NO_VISIT } from '../src/routers/confirmations/sms-reply';
import { createClinic, createPatient, deps, nextPhone, serveRequests } from './fixtures';
import { insertVisit } from './patient-fixtures';

let t: TestDatabase;
let clinic: Awaited<ReturnType<typeof createClinic>>;
let server: Server;
let url: string;
const AUTH_TOKEN = 'inbound-token-for-tests';

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  clinic = await createClinic(t.db);
  const served = await serveRequests(
    createTwilioInboundHandler(async () => ({ deps: deps(t.db), twilio: { authToken: AUTH_TOKEN } })),
  );
  server = served.server;
  url = `${served.url}/api/webhooks/twilio/inbound`;
});
afterAll(async () => {
  server.close();
  await t.close();
});

const ctx = (): Context => ({ ...deps(t.db), principal: { kind: 'anonymous' }, requestId: randomUUID(), ip: null });

/** A patient with a visit `days` ahead whose reminder went out by SMS (status `status`). */
async function remindedVisit(days: number, status: 'sent' | 'failed' = 'sent') {
  const phone = nextPhone();
  const patient = { ...(await createPatient(t.db, clinic.org.id, phone)), phone };
  const visit = await insertVisit(t.db, clinic, patient.id, days, 'confirmed');
  await t.db.insert(notifications).values({
    organizationId: clinic.org.id,
    channel: 'sms',
    kind: 'reminder',
    idempotencyKey: `reminder:${visit.id}:${randomUUID()}`,
    recipient: patient.phone,
    status,
    patientId: patient.id,
    appointmentId: visit.id,
  });
  return { patient, visit };
}
const load = async (id: string) => (await t.db.select().from(appointments).where(eq(appointments.id, id)))[0];

describe('SMS replies to reminders', () => {
  it('"YES" confirms the next reminded visit (via reply); again says already confirmed', async () => {
    const { patient, visit } = await remindedVisit(3);
    expect(await answerSmsReply(ctx(), { from: patient.phone, body: 'Yes' })).toMatch(/^Thank you — see you on /);
    expect(await load(visit.id)).toMatchObject({ patientConfirmedVia: 'reply', status: 'confirmed' });
    expect(await answerSmsReply(ctx(), { from: patient.phone, body: '1' })).toMatch(/already confirmed/);
  });

  it('"2" cancels it through the patient cancel; other words get help; unknown numbers are told so', async () => {
    const { patient, visit } = await remindedVisit(4);
    expect(await answerSmsReply(ctx(), { from: patient.phone, body: 'hello' })).toBe(REPLY_HELP);
    expect(await answerSmsReply(ctx(), { from: '+919999999999', body: 'YES' })).toBe(REPLY_NO_VISIT);
    expect(await answerSmsReply(ctx(), { from: patient.phone, body: '2' })).toMatch(/is cancelled\.$/);
    expect(await load(visit.id)).toMatchObject({ status: 'cancelled' });
    // Nothing upcoming is left for this number.
    expect(await answerSmsReply(ctx(), { from: patient.phone, body: 'NO' })).toBe(REPLY_NO_VISIT);
  });

  it('only a reminder that was sent by SMS to that number counts', async () => {
    const { patient, visit } = await remindedVisit(5, 'failed');
    expect(await answerSmsReply(ctx(), { from: patient.phone, body: 'YES' })).toBe(REPLY_NO_VISIT);
    expect((await load(visit.id))?.patientConfirmedAt).toBeNull();
  });

  it('the webhook checks the signature, then answers in TwiML', async () => {
    const { patient, visit } = await remindedVisit(6);
    const params = { From: patient.phone, To: '+15005550006', Body: 'CONFIRM' };
    const post = (signature: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
        body: new URLSearchParams(params).toString(),
      });
    // serveRequests rebuilds the request on 127.0.0.1 with the same path, which is what is signed.
    const signedUrl = `http://127.0.0.1${new URL(url).pathname}`;
    expect((await post(twilioSignature(signedUrl, params, 'another-token'))).status).toBe(403);
    expect((await load(visit.id))?.patientConfirmedAt).toBeNull();
    const ok = await post(twilioSignature(signedUrl, params, AUTH_TOKEN));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/text\/xml/);
    expect(await ok.text()).toMatch(/<Response><Message>Thank you — see you on .+<\/Message><\/Response>$/);
    expect(await load(visit.id)).toMatchObject({ patientConfirmedVia: 'reply' });
  });
});
