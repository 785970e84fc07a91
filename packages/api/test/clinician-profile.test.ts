import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditLog, clinicianAppointmentTypes, clinicianProfiles } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { LocalDiskFileStore } from '@carelane/integrations/files';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createClinicianPhotoHandlers } from '../src/http/clinician-photo';
import { callerAs, createClinic, createStaff, deps, sessionCookie, signedInStaff } from './fixtures';

let t: TestDatabase;
let clinic: Awaited<ReturnType<typeof createClinic>>;
let other: Awaited<ReturnType<typeof createClinic>>;
let dir: string;
let store: LocalDiskFileStore;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  clinic = await createClinic(t.db);
  other = await createClinic(t.db, 'Other Clinic');
  dir = await mkdtemp(join(tmpdir(), 'carelane-photo-'));
  store = new LocalDiskFileStore(dir);
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

type Role = 'admin' | 'manager' | 'front_desk' | 'clinician' | 'centre_manager';
async function signIn(role: Role, of = clinic) {
  const user = await createStaff(t.db, of.org.id, of.centre.id, role);
  const { principal, sessionId } = await signedInStaff(t.db, user.id);
  return { user, caller: callerAs(t.db, principal), cookie: await sessionCookie(sessionId) };
}
const profileOf = async (id: string) =>
  (await t.db.select().from(clinicianProfiles).where(eq(clinicianProfiles.staffUserId, id)))[0];

const values = {
  title: 'Consultant physician',
  specialisations: ['General practice', 'Diabetes care', 'general practice'],
  qualifications: ['MBBS', 'MD'],
  languages: ['English', 'Kannada'],
  bio: 'Twenty years of family medicine.',
  feeMinor: 80_000,
  modes: ['in_person', 'online'] as Array<'in_person' | 'online'>,
};

describe('clinician profile editing', () => {
  it('a manager creates a new clinician profile with a unique address from the name, offered types and listing', async () => {
    const { caller } = await signIn('manager');
    const a = await createStaff(t.db, clinic.org.id, clinic.centre.id, 'clinician');
    const b = await createStaff(t.db, clinic.org.id, clinic.centre.id, 'clinician');
    await t.db.execute(`update staff_users set name = 'Dr. Meera Krishnan' where id in ('${a.id}', '${b.id}')`);
    const form = await caller.clinicians.forEdit({ clinicianId: a.id });
    expect(form).toMatchObject({ hasProfile: false, currency: 'INR', canManageListing: true });
    expect(form.types).toEqual([expect.objectContaining({ id: clinic.type.id, offered: false })]);

    const saved = await caller.clinicians.updateProfile({
      clinicianId: a.id,
      ...values,
      typeIds: [clinic.type.id],
      listed: false,
      directoryOrder: 3,
    });
    expect(saved).toMatchObject({ slug: 'meera-krishnan', currency: 'INR', listed: false, directoryOrder: 3 });
    // Tags are trimmed and kept once, whatever their case.
    expect(saved.specialisations).toEqual(['general practice', 'Diabetes care']);
    const second = await caller.clinicians.updateProfile({ clinicianId: b.id, ...values, typeIds: [] });
    expect(second.slug).toBe('meera-krishnan-2');
    const offered = await t.db
      .select()
      .from(clinicianAppointmentTypes)
      .where(eq(clinicianAppointmentTypes.clinicianId, a.id));
    expect(offered.map((o) => o.typeId)).toEqual([clinic.type.id]);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, a.id), eq(auditLog.action, 'clinician_profile.create')));
    expect(entry?.changes).toMatchObject({ feeMinor: { to: 80_000 }, typeIds: { from: [], to: [clinic.type.id] } });
  });

  it('a clinician edits their own profile but not their listing, and not a colleague', async () => {
    const me = await signIn('clinician');
    const colleague = await createStaff(t.db, clinic.org.id, clinic.centre.id, 'clinician');
    const form = await me.caller.clinicians.forEdit({ clinicianId: me.user.id });
    expect(form.canManageListing).toBe(false);
    await me.caller.clinicians.updateProfile({ clinicianId: me.user.id, ...values, typeIds: [clinic.type.id] });
    expect((await profileOf(me.user.id))?.bio).toBe(values.bio);
    await expect(
      me.caller.clinicians.updateProfile({ clinicianId: me.user.id, ...values, typeIds: [], listed: false }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      me.caller.clinicians.updateProfile({ clinicianId: me.user.id, ...values, typeIds: [], directoryOrder: 1 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Sending the listing unchanged is fine.
    await me.caller.clinicians.updateProfile({ clinicianId: me.user.id, ...values, typeIds: [], listed: true });
    await expect(me.caller.clinicians.forEdit({ clinicianId: colleague.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      me.caller.clinicians.updateProfile({ clinicianId: colleague.id, ...values, typeIds: [] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await profileOf(colleague.id)).toBeUndefined();
  });

  it('front desk and centre managers are FORBIDDEN; another organization is NOT_FOUND; bad input names the field', async () => {
    for (const role of ['front_desk', 'centre_manager'] as const) {
      const { caller } = await signIn(role);
      await expect(caller.clinicians.forEdit({ clinicianId: clinic.clinician.id })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    const { caller } = await signIn('admin');
    const before = await profileOf(clinic.clinician.id);
    await expect(caller.clinicians.forEdit({ clinicianId: other.clinician.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      caller.clinicians.updateProfile({ clinicianId: other.clinician.id, ...values, typeIds: [] }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      caller.clinicians.updateProfile({ clinicianId: clinic.clinician.id, ...values, typeIds: [other.type.id] }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      caller.clinicians.updateProfile({ clinicianId: clinic.clinician.id, ...values, feeMinor: -1, typeIds: [] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('feeMinor') });
    await expect(
      caller.clinicians.updateProfile({ clinicianId: clinic.clinician.id, ...values, modes: [], typeIds: [] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('modes') });
    expect(await profileOf(clinic.clinician.id)).toEqual(before);
  });
});

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 90 } } })
    .png()
    .toBuffer();

async function upload(cookie: string, clinicianId: string, bytes: Buffer, type = 'image/png') {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(bytes)], { type }), 'photo.png');
  const encoded = new Response(form);
  const contentType = encoded.headers.get('content-type') ?? '';
  const body = Buffer.from(await encoded.arrayBuffer());
  const { POST } = handlers();
  return POST(
    new Request('http://localhost/', {
      method: 'POST',
      headers: { cookie, 'content-type': contentType, 'content-length': String(body.length) },
      body,
    }),
    route(clinicianId),
  );
}
const handlers = (siteOrganizationId: string | null = null) =>
  createClinicianPhotoHandlers(async () => deps(t.db, { files: store, siteOrganizationId }));
const route = (id: string) => ({ params: Promise.resolve({ id }) });

describe('clinician photo', () => {
  it('is checked like the logo, resized, served on the booking site, and replaced cleanly', async () => {
    const { cookie } = await signIn('manager');
    const id = clinic.clinician.id;
    const first = await upload(cookie, id, await png(1200, 900));
    expect(first.status).toBe(200);
    const { photoUrl, width, height } = (await first.json()) as { photoUrl: string; width: number; height: number };
    expect([width, height]).toEqual([320, 240]);
    expect((await profileOf(id))?.photoUrl).toBe(photoUrl);

    // Public on the booking site, by the clinician's id.
    const served = await handlers(clinic.org.id).GET(new Request('http://localhost/'), route(id));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    // Another booking site does not serve it.
    expect((await handlers(other.org.id).GET(new Request('http://localhost/'), route(id))).status).toBe(404);

    const second = await upload(cookie, id, await png(300, 300));
    const replaced = ((await second.json()) as { photoUrl: string }).photoUrl;
    expect(replaced).not.toBe(photoUrl);
    const version = (url: string) => url.split('v=')[1] ?? '';
    expect(await store.get(`clinician-photos/${clinic.org.id}/${id}/${version(photoUrl)}`)).toBeNull();
    expect(await store.get(`clinician-photos/${clinic.org.id}/${id}/${version(replaced)}`)).not.toBeNull();

    const removed = await handlers().DELETE(new Request('http://localhost/', { headers: { cookie } }), route(id));
    expect(removed.status).toBe(204);
    expect((await profileOf(id))?.photoUrl).toBeNull();
    expect(await store.get(`clinician-photos/${clinic.org.id}/${id}/${version(replaced)}`)).toBeNull();
  });

  it('refuses what is not a PNG or JPEG, other clinicians of a clinician, front desk, and other organizations', async () => {
    const { cookie } = await signIn('admin');
    const id = clinic.clinician.id;
    const before = (await profileOf(id))?.photoUrl;
    const bad = await upload(cookie, id, Buffer.from('GIF89a not really'), 'image/gif');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      details: [{ field: 'file', message: 'The photo must be a PNG or JPEG image' }],
    });
    expect((await profileOf(id))?.photoUrl).toBe(before);
    expect((await upload(cookie, other.clinician.id, await png(50, 50))).status).toBe(404);
    expect((await upload((await signIn('front_desk')).cookie, id, await png(50, 50))).status).toBe(403);
    expect((await upload((await signIn('clinician')).cookie, id, await png(50, 50))).status).toBe(403);
  });
});
