import { buffer } from 'node:stream/consumers';
import { organizations } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { organizationLogo } from '../files/logo';
import { renderSubmissionPdf } from '../files/submission-pdf';
import { type FormSubmission, readFormSubmission } from '../routers/forms/read-submission';
import { NO_STORE, problem, staffFromRequest } from './common';

const dataUrlBytes = (url: string | null) => (url ? Buffer.from(url.slice(url.indexOf(',') + 1), 'base64') : null);

/**
 * `/api/form-submissions/<id>/pdf`: the submission as a PDF download, for those who may read
 * submissions (clinicians and admins). The read goes through the same function as the page, so it
 * is checked and audited the same way; another organization's submission is a 404.
 */
export function createSubmissionPdfHandler(getDeps: () => Promise<ApiDeps>) {
  return async (req: Request, route: { params: Promise<{ id: string }> }): Promise<Response> => {
    const deps = await getDeps();
    const ctx = await staffFromRequest(deps, req, 'form_submissions:read');
    if (ctx instanceof Response) return ctx;
    const id = z.uuid().safeParse((await route.params).id);
    if (!id.success) return problem(404, 'Form not found.');
    let submission: FormSubmission;
    try {
      submission = await readFormSubmission(ctx, id.data);
    } catch (error) {
      if (error instanceof TRPCError && error.code === 'NOT_FOUND') return problem(404, error.message);
      throw error;
    }
    const [org] = await deps.db
      .select({ name: organizations.name, zone: organizations.defaultZone })
      .from(organizations)
      .where(ctx.tenant.organization());
    const logo = await organizationLogo(deps, ctx.tenant);
    const logoFile = logo && deps.files ? await deps.files.get(logo.storageKey) : null;
    const pdf = await renderSubmissionPdf({
      id: submission.id,
      clinic: { name: org?.name ?? '', logo: logoFile ? await buffer(logoFile.body) : null },
      patient: { name: submission.patient.name, mrn: submission.patient.mrn },
      confirmedBirthDate: submission.confirmedBirthDate,
      version: submission.version,
      submittedAt: submission.submittedAt,
      zone: org?.zone ?? 'UTC',
      answers: submission.answers,
      signature: dataUrlBytes(submission.signature),
    });
    const day = submission.submittedAt.toISOString().slice(0, 10);
    return new Response(new Uint8Array(pdf), {
      headers: {
        ...NO_STORE,
        'content-type': 'application/pdf',
        'content-length': String(pdf.length),
        'content-disposition': `attachment; filename="medical-history-${submission.patient.mrn}-${day}.pdf"`,
      },
    });
  };
}
