export { DEMO } from './demo-accounts';
export { isEmpty, seedDemo } from './seed-demo';
