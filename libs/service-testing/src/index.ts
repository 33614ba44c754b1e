/*
 * Test helpers that run services and build their events. They need `@complaints/messaging`,
 * whose own tests depend on `@complaints/testing`; kept in `@complaints/testing`, they would
 * make the two projects (and their TypeScript project references) depend on each other.
 */
export { startTestService } from './start-test-service';
export type { TestService, TestServiceDefinition } from './start-test-service';
export type { TestServiceDatabase } from './test-service-database';
export { TestBus } from './test-bus';
export { complaintEvents } from './complaint-events';
export type { ComplaintEvent, ComplaintEvents, ComplaintFacts } from './complaint-events';
export { SmtpSink } from './smtp-sink';
export type { ReceivedMail } from './smtp-sink';
export { answer, answerRequests } from './request-responder';
export type { RequestAnswer } from './request-responder';
export { freePort } from './free-port';
export { describeBusAccess } from './bus-access';
