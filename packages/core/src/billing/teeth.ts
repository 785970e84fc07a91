/**
 * Permanent teeth. Universal numbering (1-32) runs from the upper right third molar round the upper
 * arch to the upper left (16), then from the lower left third molar (17) round to the lower right (32).
 * FDI (ISO 3950) is quadrant then position: quadrants 1 upper right, 2 upper left, 3 lower left,
 * 4 lower right; positions 1 (central incisor) to 8 (third molar).
 */

export type Quadrant = 1 | 2 | 3 | 4;
export type Arch = 'upper' | 'lower';

export const QUADRANT_NAMES: Record<Quadrant, string> = {
  1: 'upper right',
  2: 'upper left',
  3: 'lower left',
  4: 'lower right',
};

export const TOOTH_NAMES = [
  'central incisor',
  'lateral incisor',
  'canine',
  'first premolar',
  'second premolar',
  'first molar',
  'second molar',
  'third molar',
] as const;

export const UNIVERSAL_TEETH: readonly number[] = Array.from({ length: 32 }, (_, i) => i + 1);

export function isUniversalTooth(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 32;
}

export function isFdiTooth(value: unknown): value is number {
  if (typeof value !== 'number' || !Number.isInteger(value)) return false;
  const quadrant = Math.floor(value / 10);
  const position = value % 10;
  return quadrant >= 1 && quadrant <= 4 && position >= 1 && position <= 8;
}

/** Universal 1-32 -> FDI 11-48; throws on anything else. */
export function universalToFdi(tooth: number): number {
  if (!isUniversalTooth(tooth)) throw new RangeError('A universal tooth number is 1 to 32');
  const quadrant = Math.ceil(tooth / 8);
  const step = (tooth - 1) % 8; // 0-7 along the arch in universal order
  // Quadrants 1 and 3 are numbered towards the midline (position falls), 2 and 4 away from it.
  const position = quadrant === 1 || quadrant === 3 ? 8 - step : step + 1;
  return quadrant * 10 + position;
}

/** FDI 11-48 -> universal 1-32; throws on anything else. */
export function fdiToUniversal(tooth: number): number {
  if (!isFdiTooth(tooth)) throw new RangeError('An FDI tooth number is 11-18, 21-28, 31-38 or 41-48');
  const quadrant = Math.floor(tooth / 10);
  const position = tooth % 10;
  const step = quadrant === 1 || quadrant === 3 ? 8 - position : position - 1;
  return (quadrant - 1) * 8 + step + 1;
}

export function toothQuadrant(universal: number): Quadrant {
  return Math.floor(universalToFdi(universal) / 10) as Quadrant;
}

export function toothArch(universal: number): Arch {
  return toothQuadrant(universal) <= 2 ? 'upper' : 'lower';
}

/** E.g. 3 -> "upper right first molar", for the chart's labels and tooltips. */
export function toothName(universal: number): string {
  const fdi = universalToFdi(universal);
  return `${QUADRANT_NAMES[toothQuadrant(universal)]} ${TOOTH_NAMES[(fdi % 10) - 1] ?? ''}`;
}
