import { STAFF_ROLES } from '@carelane/core';
import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, type Permission, seesAllCentres } from '../src/permissions';

const permissions = Object.keys(PERMISSIONS) as Permission[];

describe('roles and permissions', () => {
  it('let an admin do everything', () => {
    for (const permission of permissions) expect(can('admin', permission), permission).toBe(true);
  });

  it('keep clinical records to clinicians (and admins)', () => {
    const clinical: Permission[] = ['clinical_notes:read', 'clinical_notes:write', 'form_submissions:read'];
    for (const permission of clinical) {
      expect(STAFF_ROLES.filter((role) => can(role, permission))).toEqual(['admin', 'clinician']);
    }
  });

  it('keep staff, settings and the audit log from the front desk', () => {
    for (const permission of ['staff:manage', 'settings:manage', 'audit:read', 'billing:refund'] as const) {
      expect(can('front_desk', permission), permission).toBe(false);
    }
    expect(can('front_desk', 'appointments:write')).toBe(true);
    expect(can('front_desk', 'billing:write')).toBe(true);
  });

  it('let only admins and managers see every centre', () => {
    expect(STAFF_ROLES.filter(seesAllCentres)).toEqual(['admin', 'manager']);
  });
});
