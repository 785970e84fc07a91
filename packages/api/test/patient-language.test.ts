import type { StaffPrincipal } from '@carelane/auth';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { zodDetails } from '../src/errors';
import { callerAs, createClinic, nextPhone } from './fixtures';
import { staffOf } from './patient-fixtures';

let t: TestDatabase;
let admin: StaffPrincipal;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  admin = await staffOf(t.db, await createClinic(t.db, 'Language'), 'admin');
});
afterAll(() => t.close());

describe('patient message language', () => {
  it('defaults to English, is set on create and update, and is read back with the contact details', async () => {
    const caller = callerAs(t.db, admin);
    const plain = await caller.patients.create({ firstName: 'Asha', phone: nextPhone() });
    expect((await caller.patients.byId({ id: plain.id })).language).toBe('en');
    const hindi = await caller.patients.create({ firstName: 'Ravi', phone: nextPhone(), language: 'hi' });
    expect((await caller.patients.byId({ id: hindi.id })).language).toBe('hi');
    await caller.patients.update({ id: hindi.id, values: { language: 'en' } });
    expect((await caller.patients.byId({ id: hindi.id })).language).toBe('en');
  });

  it('refuses a language it cannot send in, naming the field', async () => {
    const error = await callerAs(t.db, admin)
      .patients.create({ firstName: 'Mina', phone: nextPhone(), language: 'fr' as never })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect(zodDetails((error as TRPCError).cause)).toEqual([{ field: 'language', message: 'Choose English or Hindi' }]);
  });
});
