import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditLog, files, organizations, patients } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { LocalDiskFileStore, S3FileStore, startFakeS3 } from '@carelane/integrations/files';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createFileStore } from '../src/files/store';
import { createFormLogoHandler } from '../src/http/form-logo';
import { createOrganizationLogoHandlers } from '../src/http/organization-logo';
import { callerAs, createClinic, createStaff, deps, sessionCookie, signedInStaff } from './fixtures';
import { staffOf } from './patient-fixtures';

let t: TestDatabase;
let dir: string;
let store: LocalDiskFileStore;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  dir = await mkdtemp(join(tmpdir(), 'carelane-logo-'));
  store = new LocalDiskFileStore(dir);
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

const handlers = () => createOrganizationLogoHandlers(async () => deps(t.db, { files: store }));

async function staffCookie(organizationId: string, centreId: string, role: 'admin' | 'front_desk') {
  const staff = await createStaff(t.db, organizationId, centreId, role);
  const { sessionId } = await signedInStaff(t.db, staff.id);
  return sessionCookie(sessionId);
}

function uploadRequest(cookie: string, bytes: Buffer, name: string, type = 'image/png') {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(bytes)], { type }), name);
  return new Request('http://localhost/api/organization/logo', { method: 'POST', headers: { cookie }, body: form });
}

async function withLength(req: Request): Promise<Request> {
  // A browser sends the multipart body's length; a Request built from FormData does not set it.
  const body = Buffer.from(await req.arrayBuffer());
  const headers = new Headers(req.headers);
  headers.set('content-length', String(body.length));
  return new Request(req.url, { method: req.method, headers, body });
}

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 4, background: { r: 15, g: 118, b: 110, alpha: 1 } } })
    .png()
    .toBuffer();

describe('the organization logo', () => {
  it('is stored resized by its content, served to staff and through form links, and replaced cleanly', async () => {
    const clinic = await createClinic(t.db, 'Logo clinic');
    const admin = await staffCookie(clinic.org.id, clinic.centre.id, 'admin');
    const frontDesk = await staffCookie(clinic.org.id, clinic.centre.id, 'front_desk');
    const { GET, POST } = handlers();

    expect((await GET(new Request('http://localhost/', { headers: { cookie: admin } }))).status).toBe(404);
    const first = await POST(await withLength(uploadRequest(admin, await png(2400, 600), 'logo.png')));
    expect(first.status).toBe(200);
    const { logoFileId, width, height } = (await first.json()) as { logoFileId: string; width: number; height: number };
    expect([width, height]).toEqual([600, 150]);
    const [org] = await t.db.select().from(organizations).where(eq(organizations.id, clinic.org.id));
    expect(org?.branding.logoFileId).toBe(logoFileId);

    const served = await GET(new Request('http://localhost/', { headers: { cookie: frontDesk } }));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect([meta.width, meta.height]).toEqual([600, 150]);

    const link = await createFormLinkToken(clinic);
    const opened = await callerAs(t.db, { kind: 'anonymous' }).forms.open({ token: link });
    expect(opened.clinic).toEqual({ name: 'Logo clinic', logoUrl: `/api/forms/${link}/logo` });
    const formLogo = createFormLogoHandler(async () => deps(t.db, { files: store }));
    const viaLink = await formLogo(new Request('http://localhost/'), { params: Promise.resolve({ token: link }) });
    expect(viaLink.status).toBe(200);
    const unknown = await formLogo(new Request('http://localhost/'), {
      params: Promise.resolve({ token: 'A'.repeat(22) }),
    });
    expect(unknown.status).toBe(404);

    const [firstFile] = await t.db.select().from(files).where(eq(files.id, logoFileId));
    const second = await POST(await withLength(uploadRequest(admin, await png(100, 100), 'new.png')));
    expect(second.status).toBe(200);
    const logos = await t.db
      .select()
      .from(files)
      .where(and(eq(files.organizationId, clinic.org.id), eq(files.purpose, 'logo')));
    expect(logos).toHaveLength(1);
    expect(logos[0]?.id).not.toBe(logoFileId);
    expect(await store.get(firstFile?.storageKey ?? '')).toBeNull();
    const actions = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.organizationId, clinic.org.id));
    expect(actions.filter((a) => a.action === 'organization.logo.update')).toHaveLength(2);

    const removed = await handlers().DELETE(
      new Request('http://localhost/', { method: 'DELETE', headers: { cookie: admin } }),
    );
    expect(removed.status).toBe(204);
    expect((await GET(new Request('http://localhost/', { headers: { cookie: admin } }))).status).toBe(404);
    expect(await t.db.select().from(files).where(eq(files.organizationId, clinic.org.id))).toHaveLength(0);
  });

  it('refuses a disguised or oversized upload, and other roles, changing nothing', async () => {
    const clinic = await createClinic(t.db, 'Refusing clinic');
    const admin = await staffCookie(clinic.org.id, clinic.centre.id, 'admin');
    const frontDesk = await staffCookie(clinic.org.id, clinic.centre.id, 'front_desk');
    const { POST } = handlers();
    const script = Buffer.from('<script>alert(document.cookie)</script>');
    const disguised = await POST(await withLength(uploadRequest(admin, script, 'logo.png')));
    expect(disguised.status).toBe(400);
    expect(await disguised.json()).toEqual({
      message: 'The logo must be a PNG or JPEG image',
      details: [{ field: 'file', message: 'The logo must be a PNG or JPEG image' }],
    });
    const big = Buffer.concat([await png(10, 10), Buffer.alloc(5 * 1024 * 1024)]);
    const oversized = await POST(await withLength(uploadRequest(admin, big, 'big.png')));
    expect(oversized.status).toBe(400);
    expect(((await oversized.json()) as { message: string }).message).toMatch(/at most 5 MB/);
    const forbidden = await POST(await withLength(uploadRequest(frontDesk, await png(10, 10), 'logo.png')));
    expect(forbidden.status).toBe(403);
    const signedOut = await POST(await withLength(uploadRequest('', await png(10, 10), 'logo.png')));
    expect(signedOut.status).toBe(401);
    expect(await t.db.select().from(files).where(eq(files.organizationId, clinic.org.id))).toHaveLength(0);
  });

  it("is never another organization's", async () => {
    const a = await createClinic(t.db, 'Logo A');
    const b = await createClinic(t.db, 'Logo B');
    const adminA = await staffCookie(a.org.id, a.centre.id, 'admin');
    const adminB = await staffCookie(b.org.id, b.centre.id, 'admin');
    const { GET, POST } = handlers();
    expect((await POST(await withLength(uploadRequest(adminA, await png(50, 50), 'a.png')))).status).toBe(200);
    expect((await GET(new Request('http://localhost/', { headers: { cookie: adminB } }))).status).toBe(404);
  });
});

async function createFormLinkToken(clinic: Awaited<ReturnType<typeof createClinic>>): Promise<string> {
  await t.db.update(patients).set({ birthDate: '1990-01-01' }).where(eq(patients.id, clinic.patient.id));
  const manager = await staffOf(t.db, clinic, 'manager');
  const link = await callerAs(t.db, manager).forms.createLink({ patientId: clinic.patient.id });
  return link.url.split('/forms/')[1] ?? '';
}

describe('the file store', () => {
  it('is the data folder by default and an S3-compatible bucket when one is configured', async () => {
    expect(createFileStore({})).toBeUndefined();
    expect(createFileStore({ dataDir: dir })).toBeInstanceOf(LocalDiskFileStore);
    const fake = await startFakeS3({ bucket: 'clinic-files' });
    try {
      const bucket = createFileStore({ s3: fake.config, dataDir: dir });
      expect(bucket).toBeInstanceOf(S3FileStore);
      const clinic = await createClinic(t.db, 'Bucket clinic');
      const admin = await staffCookie(clinic.org.id, clinic.centre.id, 'admin');
      const { GET, POST } = createOrganizationLogoHandlers(async () => deps(t.db, { files: bucket }));
      expect((await POST(await withLength(uploadRequest(admin, await png(300, 100), 'logo.png')))).status).toBe(200);
      const [file] = await t.db.select().from(files).where(eq(files.organizationId, clinic.org.id));
      expect(await bucket?.get(file?.storageKey ?? '')).not.toBeNull();
      expect(await store.get(file?.storageKey ?? '')).toBeNull();
      const served = await GET(new Request('http://localhost/', { headers: { cookie: admin } }));
      expect(served.status).toBe(200);
      expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).width).toBe(300);
    } finally {
      await fake.close();
    }
  });
});
