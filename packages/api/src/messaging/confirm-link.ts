import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a patient may do from a reminder without signing in. */
export type AppointmentAction = 'confirm' | 'cancel';

export type ActionClaim = { appointmentId: string; action: AppointmentAction; expiresAt: Date };

export type VerifiedAction =
  | { ok: true; appointmentId: string; action: AppointmentAction }
  | { ok: false; reason: 'expired' | 'tampered' | 'malformed' };

// Token bytes: version (1), appointment UUID (16), action (1), expiry in Unix seconds (4), then
// the first 16 bytes of an HMAC-SHA256 over those 22. 38 bytes = 51 base64url characters, short
// enough for an SMS. The MAC is keyed with a purpose label so the shared secret cannot be
// replayed as another kind of signature.
const VERSION = 1;
const BODY = 22;
const MAC = 16;
const TOKEN_CHARS = Math.ceil(((BODY + MAC) * 8) / 6);
const ACTIONS: readonly AppointmentAction[] = ['confirm', 'cancel'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PURPOSE = 'carelane:appointment-action:v1';

function mac(body: Buffer, secret: string): Buffer {
  return createHmac('sha256', secret).update(PURPOSE).update(body).digest().subarray(0, MAC);
}

/** A compact signed token for a confirm or cancel link; RangeError for an impossible claim. */
export function signAction(claim: ActionClaim, secret: string): string {
  if (!UUID.test(claim.appointmentId)) throw new RangeError('appointmentId is not a UUID');
  const seconds = Math.floor(claim.expiresAt.getTime() / 1000);
  if (!Number.isSafeInteger(seconds) || seconds < 0 || seconds > 0xffff_ffff) {
    throw new RangeError('expiresAt is out of range');
  }
  const body = Buffer.alloc(BODY);
  body.writeUInt8(VERSION, 0);
  Buffer.from(claim.appointmentId.replaceAll('-', ''), 'hex').copy(body, 1);
  body.writeUInt8(ACTIONS.indexOf(claim.action), 17);
  body.writeUInt32BE(seconds, 18);
  return Buffer.concat([body, mac(body, secret)]).toString('base64url');
}

function uuidText(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * What a link token allows, checked in this order: shape (malformed), signature compared in
 * constant time (tampered), then expiry (expired; the link stops working at expiresAt).
 */
export function verifyAction(token: string, secret: string, now: Date): VerifiedAction {
  if (token.length !== TOKEN_CHARS || !/^[A-Za-z0-9_-]+$/.test(token)) return { ok: false, reason: 'malformed' };
  const bytes = Buffer.from(token, 'base64url');
  // Base64url has spare low bits in the last character; only the one canonical spelling is accepted.
  if (bytes.length !== BODY + MAC || bytes.toString('base64url') !== token) return { ok: false, reason: 'malformed' };
  const body = bytes.subarray(0, BODY);
  if (!timingSafeEqual(bytes.subarray(BODY), mac(body, secret))) return { ok: false, reason: 'tampered' };
  const action = ACTIONS[body.readUInt8(17)];
  if (body.readUInt8(0) !== VERSION || !action) return { ok: false, reason: 'malformed' };
  if (now.getTime() >= body.readUInt32BE(18) * 1000) return { ok: false, reason: 'expired' };
  return { ok: true, appointmentId: uuidText(body.subarray(1, 17)), action };
}
