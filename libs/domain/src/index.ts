export * from './complaint-vocabulary';
export * from './domain-errors';
export type { LifecycleCommand, LifecycleCommandType } from './lifecycle/lifecycle-command';
export { initialStatus, isOpen, type ComplaintLifecycleState } from './lifecycle/lifecycle-state';
export { decideTransition } from './lifecycle/decide-transition';
export * from './organisations';
export * from './notification-vocabulary';
