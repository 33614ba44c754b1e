export * from './envelope';
export * from './streams';
export * from './event-contract';
export * from './event-catalogue';
export * from './events/complaint-received.v1';
export * from './requests/rpc-result';
export * from './requests/intake-requests';
