export * from './complaint-vocabulary';
export * from './domain-errors';
