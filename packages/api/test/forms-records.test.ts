import { createHash, randomBytes } from 'node:crypto';
import type { StaffPrincipal } from '@carelane/auth';
import { files, formRequests, formSubmissions, questionnaireVersions } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { callerAs, createClinic } from './fixtures';
import { staffOf } from './patient-fixtures';

let t: TestDatabase;
let a: Awaited<ReturnType<typeof createClinic>>;
let admin: StaffPrincipal;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  a = await createClinic(t.db, 'Forms clinic');
  admin = await staffOf(t.db, a, 'admin');
});
afterAll(() => t.close());

/** A published version, a request for the patient and its submission, written directly. */
async function submitted(patientId: string, version: number) {
  const [published] = await t.db
    .insert(questionnaireVersions)
    .values({ organizationId: a.org.id, version, questions: { questions: [] } })
    .returning();
  const [request] = await t.db
    .insert(formRequests)
    .values({
      organizationId: a.org.id,
      patientId,
      questionnaireVersionId: published?.id ?? '',
      tokenHash: createHash('sha256').update(randomBytes(16)).digest('hex'),
      expiresAt: new Date(Date.now() + 7 * 86_400_000),
      createdById: admin.userId,
    })
    .returning();
  const [signature] = await t.db
    .insert(files)
    .values({
      organizationId: a.org.id,
      purpose: 'signature',
      storageKey: `signatures/${randomBytes(8).toString('hex')}.png`,
      contentType: 'image/png',
      size: 10,
      sha256: 'a'.repeat(64),
    })
    .returning();
  const [submission] = await t.db
    .insert(formSubmissions)
    .values({
      organizationId: a.org.id,
      patientId,
      requestId: request?.id ?? '',
      questionnaireVersionId: published?.id ?? '',
      version,
      answers: [{ id: 'allergies', label: 'Allergies?', answer: 'None' }],
      signatureFileId: signature?.id ?? '',
      confirmedBirthDate: '1990-01-01',
    })
    .returning();
  if (!published || !request || !submission) throw new Error('fixture');
  return { published, request, submission };
}

const refused = async (run: () => Promise<unknown>) => {
  const error = (await run().catch((e: unknown) => e)) as { cause?: { code?: string } };
  return error?.cause?.code;
};

describe('form records', () => {
  it('keep submissions and published questions as written', async () => {
    const { published, submission } = await submitted(a.patient.id, 1);
    expect(
      await refused(() =>
        t.db.update(formSubmissions).set({ answers: [] }).where(eq(formSubmissions.id, submission.id)),
      ),
    ).toBe('42501');
    expect(await refused(() => t.db.delete(formSubmissions).where(eq(formSubmissions.id, submission.id)))).toBe(
      '42501',
    );
    expect(
      await refused(() =>
        t.db
          .update(questionnaireVersions)
          .set({ questions: { questions: [{ id: 'x' }] } })
          .where(eq(questionnaireVersions.id, published.id)),
      ),
    ).toBe('42501');
    const [kept] = await t.db.select().from(formSubmissions).where(eq(formSubmissions.id, submission.id));
    expect(kept?.answers).toEqual([{ id: 'allergies', label: 'Allergies?', answer: 'None' }]);
  });

  it('move with the patient when duplicates are merged', async () => {
    const caller = callerAs(t.db, admin);
    const survivor = await caller.patients.create({ firstName: 'Kiran', lastName: 'Rao' });
    const duplicate = await caller.patients.create({ firstName: 'Kiran', lastName: 'Rao', email: 'k@example.com' });
    const { request, submission } = await submitted(duplicate.id, 2);
    const result = await caller.patients.merge({ survivorId: survivor.id, duplicateId: duplicate.id });
    expect(result.moved).toMatchObject({ formRequests: 1, formSubmissions: 1 });
    const [movedRequest] = await t.db.select().from(formRequests).where(eq(formRequests.id, request.id));
    const [movedSubmission] = await t.db.select().from(formSubmissions).where(eq(formSubmissions.id, submission.id));
    expect(movedRequest?.patientId).toBe(survivor.id);
    expect(movedSubmission?.patientId).toBe(survivor.id);
  });
});
