import type { RouterOutputs } from '@carelane/api/client';

export type PatientRecord = RouterOutputs['patients']['byId'];
