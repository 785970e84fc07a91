/**
 * What a reading can physically be, wide enough for neonates and critical patients; outside it is
 * a typo (a weight in grams, a temperature in Fahrenheit), not a patient.
 */
export const VITAL_RANGES = {
  systolicMmHg: { min: 40, max: 300, label: 'Systolic pressure', unit: 'mmHg' },
  diastolicMmHg: { min: 20, max: 200, label: 'Diastolic pressure', unit: 'mmHg' },
  pulsePerMin: { min: 20, max: 250, label: 'Pulse', unit: '/min' },
  temperatureC: { min: 30, max: 45, label: 'Temperature', unit: '°C' },
  respiratoryRatePerMin: { min: 4, max: 80, label: 'Respiratory rate', unit: '/min' },
  spo2Percent: { min: 50, max: 100, label: 'SpO₂', unit: '%' },
  weightKg: { min: 0.3, max: 400, label: 'Weight', unit: 'kg' },
  heightCm: { min: 20, max: 260, label: 'Height', unit: 'cm' },
} as const satisfies Record<string, { min: number; max: number; label: string; unit: string }>;

/** A vital's name carries its unit: pulsePerMin, weightKg. */
export type VitalName = keyof typeof VITAL_RANGES;
/** Vitals as a clinician records them; every reading optional. */
export type VitalsReading = Partial<Record<VitalName, number>>;

export const VITAL_NAMES = Object.keys(VITAL_RANGES) as VitalName[];

export type VitalsProblem = { field: VitalName; message: string };

/** Why a reading is impossible, or null when it is fine. */
export function vitalProblem(name: VitalName, value: number): string | null {
  const range = VITAL_RANGES[name];
  if (!Number.isFinite(value)) return `${range.label} must be a number`;
  if (value < range.min || value > range.max) {
    return `${range.label} must be between ${range.min} and ${range.max} ${range.unit}`;
  }
  return null;
}

/** Every problem of a set of readings: each out of range, and a diastolic not below the systolic. */
export function vitalsProblems(vitals: VitalsReading): VitalsProblem[] {
  const problems: VitalsProblem[] = [];
  for (const name of VITAL_NAMES) {
    const value = vitals[name];
    if (value === undefined) continue;
    const problem = vitalProblem(name, value);
    if (problem) problems.push({ field: name, message: problem });
  }
  const { systolicMmHg: sys, diastolicMmHg: dia } = vitals;
  if (sys !== undefined && dia !== undefined && problems.length === 0 && dia >= sys) {
    problems.push({ field: 'diastolicMmHg', message: 'Diastolic pressure must be below the systolic' });
  }
  return problems;
}
