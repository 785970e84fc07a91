import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { LOGO_MAX_BYTES } from '@carelane/core';
import { files, organizations } from '@carelane/db';
import { ImageRejectedError, inspectImage, resizeForDisplay } from '@carelane/integrations/files';
import { eq, sql } from 'drizzle-orm';
import { audit } from '../audit';
import type { ApiDeps } from '../deps';
import { organizationLogo } from '../files/logo';
import type { Tenant } from '../tenancy';
import { NO_STORE, problem, staffFromRequest } from './common';

/** Shown at most this big (forms, receipts); twice the CSS size for sharp screens. */
const DISPLAY = { maxWidth: 600, maxHeight: 240 };
/** Room for the multipart envelope around a file at the limit. */
const MAX_BODY_BYTES = LOGO_MAX_BYTES + 64 * 1024;

type Deps = () => Promise<ApiDeps>;

/** The logo's bytes as a response; logos change under a new file id, so a short private cache is safe. */
export async function logoResponse(deps: ApiDeps, tenant: Tenant): Promise<Response> {
  const logo = await organizationLogo(deps, tenant);
  const stored = logo && deps.files ? await deps.files.get(logo.storageKey) : null;
  if (!logo || !stored) return problem(404, 'This clinic has no logo.');
  return new Response(Readable.toWeb(stored.body) as ReadableStream<Uint8Array>, {
    headers: {
      'content-type': logo.contentType,
      'content-length': String(stored.size),
      'cache-control': 'private, max-age=300',
      'x-content-type-options': 'nosniff',
    },
  });
}

/** Reads the upload's `file` field, or says what is wrong with the request. */
async function uploadedBytes(req: Request): Promise<Buffer | Response> {
  const declared = Number(req.headers.get('content-length') ?? 'NaN');
  if (!Number.isFinite(declared)) return problem(411, 'Send the logo with its length.', 'file');
  if (declared > MAX_BODY_BYTES) return problem(400, 'The logo must be at most 5 MB', 'file');
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return problem(400, 'Send the logo as a form upload in the field "file".', 'file');
  }
  const file = form.get('file');
  if (!(file instanceof Blob)) return problem(400, 'Choose a PNG or JPEG file for the logo.', 'file');
  return Buffer.from(await file.arrayBuffer());
}

/**
 * `/api/organization/logo`: GET for any staff of the organization; POST (multipart, field
 * `file`) and DELETE for those who manage settings. The type is decided by the bytes, the image
 * is resized for display, and the previous logo's file is removed once the new one is in place.
 */
export function createOrganizationLogoHandlers(getDeps: Deps) {
  return {
    async GET(req: Request): Promise<Response> {
      const deps = await getDeps();
      const ctx = await staffFromRequest(deps, req, 'profile:read');
      if (ctx instanceof Response) return ctx;
      return logoResponse(deps, ctx.tenant);
    },

    async POST(req: Request): Promise<Response> {
      const deps = await getDeps();
      const ctx = await staffFromRequest(deps, req, 'settings:manage');
      if (ctx instanceof Response) return ctx;
      const store = deps.files;
      if (!store) return problem(503, 'File storage is not set up on this server.');
      const bytes = await uploadedBytes(req);
      if (bytes instanceof Response) return bytes;
      let resized: Awaited<ReturnType<typeof resizeForDisplay>>;
      try {
        const image = await inspectImage(bytes, { maxBytes: LOGO_MAX_BYTES, subject: 'The logo' });
        resized = await resizeForDisplay(bytes, DISPLAY);
        if (resized.contentType !== image.contentType) throw new ImageRejectedError('type', 'The logo is damaged');
      } catch (error) {
        if (error instanceof ImageRejectedError) return problem(400, error.message, 'file');
        throw error;
      }
      const { organizationId } = ctx.tenant;
      const extension = resized.contentType === 'image/png' ? 'png' : 'jpg';
      const stored = await store.put(`logos/${organizationId}/${randomUUID()}.${extension}`, resized.body, {
        contentType: resized.contentType,
      });
      try {
        const previous = await organizationLogo(deps, ctx.tenant);
        const logoFileId = await deps.db.transaction(async (tx) => {
          const [file] = await tx
            .insert(files)
            .values(
              ctx.tenant.row({
                purpose: 'logo' as const,
                storageKey: stored.key,
                contentType: resized.contentType,
                size: stored.size,
                sha256: stored.sha256,
                createdById: ctx.principal.userId,
              }),
            )
            .returning({ id: files.id });
          if (!file) throw new Error('Insert returned no row');
          await tx
            .update(organizations)
            .set({ branding: sql`${organizations.branding} || jsonb_build_object('logoFileId', ${file.id}::text)` })
            .where(ctx.tenant.organization());
          if (previous) await tx.delete(files).where(eq(files.id, previous.id));
          await audit(
            ctx,
            {
              action: 'organization.logo.update',
              entity: 'organization',
              entityId: organizationId,
              changes: { logoFileId: { from: previous?.id ?? null, to: file.id } },
            },
            tx,
          );
          return file.id;
        });
        if (previous) await store.delete(previous.storageKey).catch(() => {});
        return Response.json(
          { logoFileId, width: resized.width, height: resized.height },
          { status: 200, headers: NO_STORE },
        );
      } catch (error) {
        await store.delete(stored.key).catch(() => {});
        throw error;
      }
    },

    async DELETE(req: Request): Promise<Response> {
      const deps = await getDeps();
      const ctx = await staffFromRequest(deps, req, 'settings:manage');
      if (ctx instanceof Response) return ctx;
      const { organizationId } = ctx.tenant;
      const previous = await organizationLogo(deps, ctx.tenant);
      if (!previous) return new Response(null, { status: 204, headers: NO_STORE });
      await deps.db.transaction(async (tx) => {
        await tx
          .update(organizations)
          .set({ branding: sql`${organizations.branding} - 'logoFileId'` })
          .where(ctx.tenant.organization());
        await tx.delete(files).where(eq(files.id, previous.id));
        await audit(
          ctx,
          {
            action: 'organization.logo.remove',
            entity: 'organization',
            entityId: organizationId,
            changes: { logoFileId: { from: previous.id, to: null } },
          },
          tx,
        );
      });
      await deps.files?.delete(previous.storageKey).catch(() => {});
      return new Response(null, { status: 204, headers: NO_STORE });
    },
  };
}
