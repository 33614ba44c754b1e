// Shared wire rules that other libraries and the gateway validate with too.
export { isoInstantSchema, localeSchema, policyIdSchema } from './primitives';
export * from './envelope';
export * from './streams';
export * from './event-contract';
export * from './event-catalogue';
export * from './events/complaint-received.v1';
export * from './events/complaint-lifecycle.v1';
export * from './events/sla-clock.v1';
export * from './events/escalation.v1';
export * from './events/survey.v1';
export * from './requests/rpc-result';
export * from './requests/request-contract';
export * from './requests/intake-requests';
export * from './requests/complaint-bodies';
export * from './requests/lifecycle-routes';
export * from './events/policy-published.v1';
export * from './requests/policy-requests';
export * from './requests/sla-requests';
