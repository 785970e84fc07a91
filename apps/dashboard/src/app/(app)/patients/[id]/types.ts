import type { RouterOutputs } from '@carelane/api/client';

export type PatientRecord = RouterOutputs['patients']['byId'];

export const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`.trim();
