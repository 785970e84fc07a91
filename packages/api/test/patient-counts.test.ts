import { appointments, patientCounts, patients } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { eq, inArray, ne, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createClinic, indiaTime } from './fixtures';

let t: TestDatabase;
let a: Awaited<ReturnType<typeof createClinic>>;
let b: Awaited<ReturnType<typeof createClinic>>;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  a = await createClinic(t.db, 'Clinic A');
  b = await createClinic(t.db, 'Clinic B');
});
afterAll(() => t.close());

/** The counters as the triggers left them, without zeros, in a stable order. */
async function counters() {
  const rows = await t.db
    .select({
      organizationId: patientCounts.organizationId,
      dimension: patientCounts.dimension,
      value: patientCounts.value,
      count: patientCounts.count,
    })
    .from(patientCounts)
    .where(ne(patientCounts.count, 0));
  return rows.map((r) => `${r.organizationId} ${r.dimension} ${r.value} ${r.count}`).sort();
}

const SEXES = ['female', 'male', 'other', null] as const;
const operation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), n: fc.integer({ min: 1, max: 4 }), seed: fc.nat() }),
  fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), seed: fc.nat() }),
  fc.record({ kind: fc.constant('archive' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('restore' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('merge' as const), pick: fc.nat(), into: fc.nat() }),
  fc.record({ kind: fc.constant('visit' as const), pick: fc.nat(), days: fc.integer({ min: -200, max: 20 }) }),
);

describe('patient_counts', () => {
  it('always equals a recount from the patients, whatever is done to them', async () => {
    let serial = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 12 }), async (ops) => {
        for (const op of ops) {
          const live = await t.db.select({ id: patients.id, org: patients.organizationId }).from(patients);
          const chosen = 'pick' in op ? live[op.pick % Math.max(live.length, 1)] : undefined;
          if (op.kind === 'insert') {
            await t.db.insert(patients).values(
              Array.from({ length: op.n }, (_, i) => ({
                organizationId: (op.seed + i) % 3 === 0 ? b.org.id : a.org.id,
                mrn: `PC-${++serial}`,
                firstName: 'Count',
                lastName: `Test ${serial}`,
                sex: SEXES[(op.seed + i) % SEXES.length] ?? null,
                birthDate: (op.seed + i) % 5 === 0 ? null : `19${String(50 + ((op.seed + i) % 50))}-0${1 + (i % 9)}-15`,
                leadSource: (op.seed + i) % 4 === 0 ? null : ['google', 'walk-in', 'referral'][(op.seed + i) % 3],
              })),
            );
          } else if (op.kind === 'edit' && chosen) {
            await t.db
              .update(patients)
              .set({ sex: SEXES[op.seed % SEXES.length] ?? null, leadSource: op.seed % 2 ? 'camp' : null })
              .where(eq(patients.id, chosen.id));
          } else if (op.kind === 'archive' && chosen) {
            await t.db.update(patients).set({ archivedAt: new Date() }).where(eq(patients.id, chosen.id));
          } else if (op.kind === 'restore' && chosen) {
            await t.db.update(patients).set({ archivedAt: null }).where(eq(patients.id, chosen.id));
          } else if (op.kind === 'merge' && chosen) {
            const into = live.filter((p) => p.org === chosen.org && p.id !== chosen.id)[op.into % live.length];
            if (into) await t.db.update(patients).set({ mergedIntoId: into.id }).where(eq(patients.id, chosen.id));
          } else if (op.kind === 'visit' && chosen) {
            const clinic = chosen.org === a.org.id ? a : b;
            // The last-visit trigger updates the patient, which moves its 'visit' counter.
            await t.db.insert(appointments).values({
              organizationId: clinic.org.id,
              centreId: clinic.centre.id,
              clinicianId: clinic.clinician.id,
              patientId: chosen.id,
              typeId: clinic.type.id,
              startsAt: indiaTime(op.days, 8 + (serial++ % 10)),
              endsAt: indiaTime(op.days, 8 + ((serial - 1) % 10), 20),
              status: 'completed',
              source: 'dashboard',
              feeMinor: 0,
              currency: 'INR',
              overbooked: true,
              overbookReason: 'test',
            });
          }
        }
        const kept = await counters();
        await t.db.execute(sql`select carelane_recount_patients()`);
        expect(kept).toEqual(await counters());
      }),
      { numRuns: 25 },
    );
  });

  it("moves registration and visit days with the organization's zone", async () => {
    const [p] = await t.db
      .insert(patients)
      .values({
        organizationId: b.org.id,
        mrn: 'PC-Z',
        firstName: 'Zone',
        lastName: 'Change',
        // 20:00 UTC on 1 March: 2 March in India, 1 March in New York.
        createdAt: new Date('2026-03-01T20:00:00Z'),
      })
      .returning();
    const created = async () =>
      (await counters()).filter((c) => c.startsWith(`${b.org.id} created 2026-03-0`)).map((c) => c.split(' ')[2]);
    expect(await created()).toEqual(['2026-03-02']);
    await t.db.execute(sql`update organizations set default_zone = 'America/New_York' where id = ${b.org.id}`);
    expect(await created()).toEqual(['2026-03-01']);
    await t.db.execute(sql`update organizations set default_zone = 'Asia/Kolkata' where id = ${b.org.id}`);
    await t.db.delete(patients).where(eq(patients.id, p?.id ?? ''));
  });

  it('counts nothing of merged or archived records', async () => {
    const before = await counters();
    const [p] = await t.db
      .insert(patients)
      .values({ organizationId: a.org.id, mrn: 'PC-X', firstName: 'Gone', lastName: 'Soon', sex: 'female' })
      .returning();
    expect(await counters()).not.toEqual(before);
    await t.db
      .update(patients)
      .set({ archivedAt: new Date() })
      .where(eq(patients.id, p?.id ?? ''));
    expect(await counters()).toEqual(before);
    await t.db.delete(patients).where(inArray(patients.id, [p?.id ?? '']));
    expect(await counters()).toEqual(before);
  });
});
