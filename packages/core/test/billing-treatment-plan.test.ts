import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkPlanEditable,
  checkPlanTransition,
  checkTreatmentPrice,
  checkTreatmentTransition,
  type PlanTreatment,
  planTotals,
  TREATMENT_STATUSES,
  treatmentBillingRefusal,
} from '../src/billing';

describe('treatment plan totals', () => {
  it('sums price - discount, split by status', () => {
    const totals = planTotals([
      { priceMinor: 500_000, discountMinor: 50_000, status: 'planned' },
      { priceMinor: 150_000, discountMinor: 0, status: 'in_progress' },
      { priceMinor: 80_000, discountMinor: 10_000, status: 'done' },
    ]);
    expect(totals).toEqual({
      priceMinor: 730_000,
      discountMinor: 60_000,
      totalMinor: 670_000,
      byStatus: { planned: 450_000, in_progress: 150_000, done: 70_000 },
    });
    expect(planTotals([])).toMatchObject({ totalMinor: 0 });
  });

  it('refuses a discount above the price or amounts that are not whole', () => {
    expect(() => planTotals([{ priceMinor: 100, discountMinor: 101, status: 'planned' }])).toThrow(RangeError);
    expect(() => planTotals([{ priceMinor: 100.5, discountMinor: 0, status: 'planned' }])).toThrow(RangeError);
    expect(checkTreatmentPrice(100, 101)).toMatchObject({ ok: false, field: 'discountMinor' });
    expect(checkTreatmentPrice(-1, 0)).toMatchObject({ ok: false, field: 'priceMinor' });
    expect(checkTreatmentPrice(100, 100)).toEqual({ ok: true });
  });

  it('the status parts add up to the total, whatever the treatments', () => {
    const treatmentArb: fc.Arbitrary<PlanTreatment> = fc
      .tuple(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom(...TREATMENT_STATUSES),
      )
      .map(([priceMinor, share, status]) => ({
        priceMinor,
        discountMinor: Math.floor((priceMinor * share) / 10_000),
        status,
      }));
    fc.assert(
      fc.property(fc.array(treatmentArb), (treatments) => {
        const t = planTotals(treatments);
        expect(t.byStatus.planned + t.byStatus.in_progress + t.byStatus.done).toBe(t.totalMinor);
        expect(t.totalMinor).toBeGreaterThanOrEqual(0);
        expect(t.totalMinor).toBe(t.priceMinor - t.discountMinor);
      }),
    );
  });
});

describe('plan decisions', () => {
  const planned = [{ status: 'planned' as const }];
  const started = [{ status: 'planned' as const }, { status: 'in_progress' as const }];

  it('a proposed plan is accepted or declined; an empty one cannot be accepted', () => {
    expect(checkPlanTransition('proposed', 'accepted', planned)).toEqual({ ok: true });
    expect(checkPlanTransition('proposed', 'declined', planned)).toEqual({ ok: true });
    expect(checkPlanTransition('proposed', 'accepted', [])).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('a declined plan is proposed again before it is accepted', () => {
    expect(checkPlanTransition('declined', 'accepted', planned)).toMatchObject({ ok: false });
    expect(checkPlanTransition('declined', 'proposed', planned)).toEqual({ ok: true });
  });

  it('an accepted plan can be withdrawn only until work starts', () => {
    expect(checkPlanTransition('accepted', 'declined', planned)).toEqual({ ok: true });
    expect(checkPlanTransition('accepted', 'declined', started)).toMatchObject({
      ok: false,
      message: 'Treatment on this plan has started, so it can no longer be declined.',
    });
    expect(checkPlanTransition('accepted', 'proposed', started)).toMatchObject({ ok: false });
    expect(checkPlanTransition('accepted', 'accepted', planned)).toMatchObject({
      ok: false,
      message: 'This plan is already accepted.',
    });
  });

  it('treatments change only while the plan is proposed', () => {
    expect(checkPlanEditable('proposed')).toEqual({ ok: true });
    expect(checkPlanEditable('accepted')).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(checkPlanEditable('declined')).toMatchObject({ ok: false });
  });

  it('treatment moves forward, starting only on an accepted plan or with no plan', () => {
    expect(checkTreatmentTransition('planned', 'in_progress', 'accepted')).toEqual({ ok: true });
    expect(checkTreatmentTransition('planned', 'done', null)).toEqual({ ok: true });
    expect(checkTreatmentTransition('in_progress', 'planned', 'accepted')).toEqual({ ok: true });
    expect(checkTreatmentTransition('planned', 'in_progress', 'proposed')).toMatchObject({ ok: false });
    expect(checkTreatmentTransition('done', 'planned', null)).toMatchObject({
      ok: false,
      message: 'A treatment that is done cannot become planned.',
    });
  });
});

describe('treatmentBillingRefusal', () => {
  it('bills work under way or done, and planned work only in an accepted plan', () => {
    expect(treatmentBillingRefusal({ status: 'done', planStatus: null })).toBeNull();
    expect(treatmentBillingRefusal({ status: 'in_progress', planStatus: 'proposed' })).toBeNull();
    expect(treatmentBillingRefusal({ status: 'planned', planStatus: 'accepted' })).toBeNull();
    expect(treatmentBillingRefusal({ status: 'planned', planStatus: null })).toMatch(/accepted plan/);
    expect(treatmentBillingRefusal({ status: 'planned', planStatus: 'proposed' })).toMatch(/accepted plan/);
    expect(treatmentBillingRefusal({ status: 'planned', planStatus: 'declined' })).toMatch(/declined/);
  });
});
