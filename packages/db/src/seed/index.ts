export { DEMO } from './demo-accounts';
export { isEmpty, type SeedSummary, seedDemo } from './seed-demo';
