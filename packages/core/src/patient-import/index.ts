export * from './changes';
export * from './dates';
export * from './fields';
export * from './headers';
export * from './row';
export * from './sex';
