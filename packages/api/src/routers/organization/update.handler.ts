import { normalisePhone, normaliseTaxId, taxIdProblem } from '@carelane/core';
import { organizations, pgErrorInfo, staffUsers } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { and, eq, not } from 'drizzle-orm';
import { audit, diff } from '../../audit';
import { notFound } from '../../errors';
import { fieldError } from '../../field-error';
import { unscoped } from '../../tenancy';
import type { StaffContext } from '../../trpc';
import { loadOrganizationSettings } from './load';
import type { UpdateOrganizationInput } from './update.schema';

export const SLUG_TAKEN = 'Another clinic already uses this booking-site address.';
export const TWO_FACTOR_FIRST =
  'Turn on two-factor sign-in for your own account first (Account → Two-factor sign-in), so requiring it cannot lock you out.';

const editable = {
  name: organizations.name,
  zone: organizations.defaultZone,
  addressLine: organizations.addressLine,
  city: organizations.city,
  postalCode: organizations.postalCode,
  phone: organizations.phone,
  email: organizations.email,
  taxId: organizations.taxId,
  currency: organizations.currency,
  slug: organizations.slug,
  onlineBooking: organizations.onlineBooking,
  requireAdminTwoFactor: organizations.requireAdminTwoFactor,
};

/** The phone and tax registration as stored, read in the organization's country; a field error when unusable. */
function countryFields(input: UpdateOrganizationInput, country: string) {
  const checked: Pick<UpdateOrganizationInput, 'phone' | 'taxId'> = {};
  if (input.phone !== undefined) {
    const phone = input.phone === null ? null : normalisePhone(input.phone, country);
    if (input.phone !== null && !phone) throw fieldError('phone', 'Enter a phone number like 98765 43210');
    checked.phone = phone;
  }
  if (input.taxId !== undefined) {
    const taxId = input.taxId === null ? null : normaliseTaxId(input.taxId);
    const problem = taxId === null ? null : taxIdProblem(taxId, country);
    if (problem) throw fieldError('taxId', problem);
    checked.taxId = taxId;
  }
  return checked;
}

/**
 * Changes the organization's details; fields left out stay as they are. A zone change makes a
 * database trigger recount patient statistics by the new local day, inside this transaction. A
 * new currency applies to prices and invoices made from now on; a new slug moves the booking site.
 */
export async function updateOrganizationHandler({ ctx, input }: { ctx: StaffContext; input: UpdateOrganizationInput }) {
  const { organizationId } = ctx.tenant;
  try {
    await ctx.db.transaction(async (tx) => {
      const mine = ctx.tenant.organization();
      const [row] = await tx
        .select({ ...editable, country: organizations.country })
        .from(organizations)
        .where(mine)
        .for('update');
      if (!row) throw notFound('Your organization');
      const { country, ...before } = row;
      const next = { ...input, ...countryFields(input, country) };
      // Nothing sent as undefined reaches the diff or the row.
      const changes = diff(
        before,
        Object.fromEntries(Object.entries(next).filter(([, value]) => value !== undefined)) as Partial<typeof before>,
      );

      if (next.requireAdminTwoFactor && !before.requireAdminTwoFactor) {
        const [me] = await tx
          .select({ twoFactorEnabledAt: staffUsers.twoFactorEnabledAt })
          .from(staffUsers)
          .where(ctx.tenant.where(staffUsers, eq(staffUsers.id, ctx.principal.userId)));
        if (!me?.twoFactorEnabledAt) throw fieldError('requireAdminTwoFactor', TWO_FACTOR_FIRST);
      }
      if (next.slug !== undefined && next.slug !== before.slug) {
        const [taken] = await unscoped(tx, 'a booking-site address is unique across all clinics')
          .select({ id: organizations.id })
          .from(organizations)
          .where(and(eq(organizations.slug, next.slug), not(mine)));
        if (taken) throw new TRPCError({ code: 'CONFLICT', message: SLUG_TAKEN });
      }

      const { zone, ...rest } = next;
      await tx
        .update(organizations)
        .set({ ...rest, defaultZone: zone })
        .where(mine);
      await audit(
        ctx,
        { action: 'organization.update', entity: 'organization', entityId: organizationId, changes },
        tx,
      );
    });
  } catch (error) {
    // Two clinics taking the same address at once: the unique index has the last word.
    if (pgErrorInfo(error)?.constraint === 'organizations_slug_unique') {
      throw new TRPCError({ code: 'CONFLICT', message: SLUG_TAKEN });
    }
    throw error;
  }
  return loadOrganizationSettings(ctx);
}
