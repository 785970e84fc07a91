export * from './fee-line';
export * from './invoice-status';
export * from './invoice-totals';
export * from './payment-state';
export * from './prepayment';
export * from './teeth';
export * from './treatment-plan';
