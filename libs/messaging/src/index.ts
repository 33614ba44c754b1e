export { connectNats, inboxPrefixOf, natsConnectionOptions } from './nats-connection';
export type { NatsSettings } from './nats-connection';
export { DEFAULT_DEAD_LETTER_RETENTION_MS, Topology } from './topology';
export { deadLetterBacklog, deadLetterLabels, registerDeadLetterMetrics } from './dead-letter-metrics';
export type { DeadLetterCount } from './dead-letter-metrics';
export { currentTraceparent, extractTraceContext, injectTraceContext } from './trace-context';
export { createEvent, derivedEventId } from './create-event';
export type { NewEvent } from './create-event';
export { DUPLICATE_WINDOW_MS, STREAM_RETENTION_MS, ensureDeadLetterStream, ensureStream } from './jetstream-streams';
export { JetStreamEventPublisher } from './event-publisher';
export type { EventPublisher, PublishResult, PublishedEvent } from './event-publisher';
export { messagingMigrations, messagingTablesSql } from './messaging-tables';
export { Outbox, type OutboxEntry } from './outbox';
export { OutboxRelay } from './outbox-relay';
export type { OutboxRelayOptions } from './outbox-relay';
export { registerOutboxMetrics } from './outbox-metrics';
export type { OutboxBacklog } from './outbox-metrics';
export { UnitOfWork } from './unit-of-work';
export { TransactionEventSink } from './event-sink';
export type { EventSink } from './event-sink';
export { Inbox } from './inbox';
export type { InboxResult } from './inbox';
export { Outcome } from './event-consumer';
export type { ConsumedEvent, ConsumerOutcome, EventConsumer } from './event-consumer';
export { EventConsumerHost } from './event-consumer-host';
export { readConsumerProgress } from './consumer-progress';
export type { ConsumerPosition, ConsumerProgress } from './consumer-progress';
export type { ReplayOutcome } from './event-consumer-host';
export { findDeadLetter, listDeadLetters } from './dead-letters';
export type { DeadLetterQuery } from './dead-letters';
export { deadLetterReplayController } from './dead-letter-replay.controller';
export { decodeEvent } from './event-decoding';
export type { DecodedEvent } from './event-decoding';
export { DurableEventConsumer, backoffMs } from './durable-consumer';
export type { DurableConsumerOptions, HandlerResult } from './durable-consumer';
export type { MessagingLogger } from './messaging-logger';
export { TracedNatsClient, TracedNatsServer } from './nest-nats-transport';
export { answerRequest } from './answer-request';
export type { RequestFailureLogger } from './answer-request';
export { Answers } from './answers.decorator';
export {
  SERVICE_BUS_ACCESS,
  answeredRequests,
  consumerOwner,
  natsPasswordVariable,
  natsPermissions,
  renderNatsAuthorization,
} from './nats-permissions';
export type { ConsumerAccess, NatsPermissions, ServiceBusAccess, ServiceName } from './nats-permissions';
export type { RequestHandler } from './answers.decorator';
export { retryTransient } from './retry-transient';
