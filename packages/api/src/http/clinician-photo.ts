import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { LOGO_MAX_BYTES } from '@carelane/core';
import { clinicianProfiles, staffUsers } from '@carelane/db';
import { ImageRejectedError, inspectImage, resizeForDisplay } from '@carelane/integrations/files';
import { eq } from 'drizzle-orm';
import { audit } from '../audit';
import { createContext } from '../context';
import type { ApiDeps } from '../deps';
import { type Tenant, tenantOf } from '../tenancy';
import type { StaffContext } from '../trpc';
import { NO_STORE, problem, staffFromRequest } from './common';

/** Shown at most 160 px square (directory cards, the profile page); twice that for sharp screens. */
const DISPLAY = { maxWidth: 320, maxHeight: 320 };
const MAX_BODY_BYTES = LOGO_MAX_BYTES + 64 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Our photos' public address; the version names the stored file, so a new photo is a new address. */
const PHOTO_URL = /^\/api\/clinicians\/([0-9a-f-]{36})\/photo\?v=([0-9a-f-]{36})\.(png|jpg)$/;

type Deps = () => Promise<ApiDeps>;
/** What Next.js passes a route handler of `/api/clinicians/[id]/photo`. */
type Route = { params: Promise<{ id: string }> };

/** Where a version of a clinician's photo is kept in the file store. */
function photoKey(organizationId: string, clinicianId: string, version: string, extension: string) {
  return `clinician-photos/${organizationId}/${clinicianId}/${version}.${extension}`;
}

/** The stored photo behind a profile's photoUrl, when it is one of ours. */
function storedPhoto(organizationId: string, clinicianId: string, photoUrl: string | null) {
  const match = photoUrl ? PHOTO_URL.exec(photoUrl) : null;
  if (!match || match[1] !== clinicianId || !match[2] || !match[3]) return null;
  return {
    key: photoKey(organizationId, clinicianId, match[2], match[3]),
    contentType: match[3] === 'png' ? 'image/png' : 'image/jpeg',
  };
}

async function profileOf(deps: ApiDeps, tenant: Tenant, clinicianId: string) {
  const [row] = await deps.db
    .select({ photoUrl: clinicianProfiles.photoUrl, listed: clinicianProfiles.listed, active: staffUsers.active })
    .from(clinicianProfiles)
    .innerJoin(staffUsers, eq(staffUsers.id, clinicianProfiles.staffUserId))
    .where(tenant.where(clinicianProfiles, eq(clinicianProfiles.staffUserId, clinicianId)));
  return row ?? null;
}

/** Who may change this clinician's photo: admins and managers anyone's, a clinician their own. */
async function editorOf(deps: ApiDeps, req: Request, clinicianId: string): Promise<StaffContext | Response> {
  const ctx = await staffFromRequest(deps, req, 'clinician_profiles:edit');
  if (ctx instanceof Response) return ctx;
  if (!UUID.test(clinicianId)) return problem(404, 'No such clinician.');
  const [clinician] = await deps.db
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(ctx.tenant.where(staffUsers, eq(staffUsers.id, clinicianId), eq(staffUsers.role, 'clinician')));
  if (!clinician) return problem(404, 'No such clinician.');
  if (ctx.principal.role === 'clinician' && ctx.principal.userId !== clinicianId) {
    return problem(403, 'You can change only your own photo.');
  }
  return ctx;
}

async function setPhotoUrl(ctx: StaffContext, clinicianId: string, from: string | null, to: string | null) {
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(clinicianProfiles)
      .set({ photoUrl: to, updatedAt: new Date() })
      .where(ctx.tenant.where(clinicianProfiles, eq(clinicianProfiles.staffUserId, clinicianId)));
    await audit(
      ctx,
      {
        action: to ? 'clinician_profile.photo.update' : 'clinician_profile.photo.remove',
        entity: 'clinician_profile',
        entityId: clinicianId,
        changes: { photoUrl: { from, to } },
      },
      tx,
    );
  });
}

/**
 * `/api/clinicians/<id>/photo` on both apps. GET is public on the booking site (its organization's
 * listed clinicians) and for signed-in staff on the dashboard; POST (multipart, field `file`,
 * the same checks as the clinic logo) and DELETE for whoever may edit the profile. The photo is
 * resized, stored under a new key, and the previous one is removed once the new one is in place.
 */
export function createClinicianPhotoHandlers(getDeps: Deps) {
  return {
    async GET(req: Request, route: Route): Promise<Response> {
      const { id: clinicianId } = await route.params;
      const deps = await getDeps();
      if (!UUID.test(clinicianId)) return problem(404, 'No such photo.');
      let tenant: Tenant;
      let staff = false;
      if (deps.siteOrganizationId) {
        tenant = tenantOf(deps.siteOrganizationId);
      } else {
        const ctx = await createContext(deps, req);
        if (ctx.principal.kind !== 'staff') return problem(401, 'Please sign in.');
        tenant = tenantOf(ctx.principal.organizationId);
        staff = true;
      }
      const profile = await profileOf(deps, tenant, clinicianId);
      // The booking site shows only its listed, active clinicians.
      if (!profile || (!staff && !(profile.listed && profile.active))) return problem(404, 'No such photo.');
      const photo = storedPhoto(tenant.organizationId, clinicianId, profile.photoUrl);
      const stored = photo && deps.files ? await deps.files.get(photo.key) : null;
      if (!photo || !stored) return problem(404, 'No such photo.');
      return new Response(Readable.toWeb(stored.body) as ReadableStream<Uint8Array>, {
        headers: {
          'content-type': photo.contentType,
          'content-length': String(stored.size),
          // A new photo is a new address (?v=), so this one never changes.
          'cache-control': staff ? 'private, max-age=86400' : 'public, max-age=86400',
          'x-content-type-options': 'nosniff',
        },
      });
    },

    async POST(req: Request, route: Route): Promise<Response> {
      const { id: clinicianId } = await route.params;
      const deps = await getDeps();
      const ctx = await editorOf(deps, req, clinicianId);
      if (ctx instanceof Response) return ctx;
      const profile = await profileOf(deps, ctx.tenant, clinicianId);
      if (!profile) return problem(409, 'Save the profile first, then add a photo.');
      const store = deps.files;
      if (!store) return problem(503, 'File storage is not set up on this server.');
      const declared = Number(req.headers.get('content-length') ?? 'NaN');
      if (!Number.isFinite(declared)) return problem(411, 'Send the photo with its length.', 'file');
      if (declared > MAX_BODY_BYTES) return problem(400, 'The photo must be at most 5 MB', 'file');
      let file: FormDataEntryValue | null;
      try {
        file = (await req.formData()).get('file');
      } catch {
        return problem(400, 'Send the photo as a form upload in the field "file".', 'file');
      }
      if (!(file instanceof Blob)) return problem(400, 'Choose a PNG or JPEG file for the photo.', 'file');
      const bytes = Buffer.from(await file.arrayBuffer());
      let resized: Awaited<ReturnType<typeof resizeForDisplay>>;
      try {
        const image = await inspectImage(bytes, { maxBytes: LOGO_MAX_BYTES, subject: 'The photo' });
        resized = await resizeForDisplay(bytes, DISPLAY);
        if (resized.contentType !== image.contentType) throw new ImageRejectedError('type', 'The photo is damaged');
      } catch (error) {
        if (error instanceof ImageRejectedError) return problem(400, error.message, 'file');
        throw error;
      }
      const version = randomUUID();
      const extension = resized.contentType === 'image/png' ? 'png' : 'jpg';
      const key = photoKey(ctx.tenant.organizationId, clinicianId, version, extension);
      await store.put(key, resized.body, { contentType: resized.contentType });
      const photoUrl = `/api/clinicians/${clinicianId}/photo?v=${version}.${extension}`;
      try {
        await setPhotoUrl(ctx, clinicianId, profile.photoUrl, photoUrl);
      } catch (error) {
        await store.delete(key).catch(() => {});
        throw error;
      }
      const previous = storedPhoto(ctx.tenant.organizationId, clinicianId, profile.photoUrl);
      if (previous) await store.delete(previous.key).catch(() => {});
      return Response.json(
        { photoUrl, width: resized.width, height: resized.height },
        { status: 200, headers: NO_STORE },
      );
    },

    async DELETE(req: Request, route: Route): Promise<Response> {
      const { id: clinicianId } = await route.params;
      const deps = await getDeps();
      const ctx = await editorOf(deps, req, clinicianId);
      if (ctx instanceof Response) return ctx;
      const profile = await profileOf(deps, ctx.tenant, clinicianId);
      if (!profile?.photoUrl) return new Response(null, { status: 204, headers: NO_STORE });
      await setPhotoUrl(ctx, clinicianId, profile.photoUrl, null);
      const previous = storedPhoto(ctx.tenant.organizationId, clinicianId, profile.photoUrl);
      if (previous) await deps.files?.delete(previous.key).catch(() => {});
      return new Response(null, { status: 204, headers: NO_STORE });
    },
  };
}
