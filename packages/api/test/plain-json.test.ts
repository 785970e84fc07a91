import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { plainJson, transformer } from '../src/plain-json';
import { addDailyHours, callerAs, createClinic, deps, startApiServer } from './fixtures';

describe('plainJson results', () => {
  it('travel without superjson metadata and read back the same', () => {
    const value = plainJson({ zone: 'Asia/Kolkata', days: [{ date: '2030-01-15', starts: [1, 2, 3] }] });
    const wire = transformer.output.serialize(value);
    expect(wire).toEqual({ json: value });
    expect(superjson.deserialize(JSON.parse(JSON.stringify(wire)))).toEqual(value);
  });

  it('leave everything else to superjson (Dates stay Dates)', () => {
    const value = { at: new Date('2030-01-15T10:00:00Z') };
    const wire = transformer.output.serialize(value);
    expect(wire).toEqual(superjson.serialize(value));
    expect(superjson.deserialize<typeof value>(JSON.parse(JSON.stringify(wire))).at).toBeInstanceOf(Date);
  });
});

describe('availability.slots over HTTP', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(inject('pgAdminUrl'));
  });
  afterAll(() => t.close());

  it('reads back exactly what the procedure returns in process', async () => {
    const clinic = await createClinic(t.db);
    await addDailyHours(t.db, clinic);
    const apiDeps = deps(t.db, { audience: 'patient', siteOrganizationId: clinic.org.id });
    const input = { clinicianId: clinic.clinician.id, typeId: clinic.type.id, days: 3 };
    const { url, server } = await startApiServer(apiDeps);
    try {
      const response = await fetch(
        `${url}/availability.slots?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`,
      );
      expect(response.status).toBe(200);
      const body = (await response.json()) as { result: { data: Parameters<typeof superjson.deserialize>[0] } };
      const overHttp = superjson.deserialize(body.result.data);
      const inProcess = await callerAs(t.db, { kind: 'anonymous' }, apiDeps).availability.slots(input);
      expect(overHttp).toEqual(inProcess);
      expect(inProcess.days.flatMap((d) => d.starts).length).toBeGreaterThan(20);
    } finally {
      server.close();
    }
  });
});
