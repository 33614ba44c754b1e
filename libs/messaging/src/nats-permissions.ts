import {
  AuditRequests,
  DEAD_LETTER_STREAM,
  DataRightsRequests,
  EVENT_CATALOGUE,
  FeedbackRequests,
  IntakeRequests,
  NotificationRequests,
  PolicyRequests,
  RequestContract,
  STREAMS,
  SlaRequests,
  StreamDefinition,
  WEBHOOK_EVENT_STREAMS,
  WebhookRequests,
  WhatIfRequests,
  replayDeadLetterRequest,
} from '@complaints/contracts';
import { inboxPrefixOf } from './nats-connection';
import { Topology } from './topology';

/** A durable consumer: its stream and its name, as the service's `EventConsumer` declares it. */
export interface ConsumerAccess {
  readonly stream: StreamDefinition;
  readonly durable: string;
  /**
   * The service reads how far this consumer has got (`readConsumerProgress`): besides the
   * consumer's info, the stored message after its ack floor, so it may get messages of the stream.
   */
  readonly readsProgress?: boolean;
}

/** Everything one service does on NATS, and so everything its NATS user may do. */
export interface ServiceBusAccess {
  /** Request-reply contracts it answers (subscribes to, replies on the caller's inbox). */
  readonly answers: readonly RequestContract[];
  /** Request-reply contracts it calls. */
  readonly requests: readonly RequestContract[];
  /** Streams it publishes events to through its outbox. */
  readonly publishes: readonly StreamDefinition[];
  /**
   * Its durable consumers; each may copy poison events to the dead-letter stream, and the service
   * answers the replay of its consumers' dead letters (`answeredRequests`).
   */
  readonly consumes: readonly ConsumerAccess[];
  /** Follows the POLICIES stream with an ordered consumer (`PolicyCatalog`). */
  readonly followsPolicies: boolean;
  /** Reads the dead-letter stream and asks each consumer's service to replay one (the admin routes, ADR 0008). */
  readonly administersDeadLetters?: boolean;
}

const all = (group: Record<string, RequestContract>): RequestContract[] => Object.values(group);
const consumer = (stream: StreamDefinition, durable: string, readsProgress = false): ConsumerAccess => ({
  stream,
  durable,
  readsProgress,
});
/** The streams that carry at least one event of the catalogue. */
const eventStreams = Object.values(STREAMS).filter((stream) =>
  EVENT_CATALOGUE.some((contract) => contract.stream === stream),
);

/**
 * Who does what on the bus, read from the services' code: the `@Answers` handlers, the request
 * clients, `ServiceCoreModule` `publishes`, and every `EventConsumer`'s durable name. A service
 * that starts doing something new on NATS is denied it until it is added here (the deployed
 * NATS configuration is generated from this table, and a test holds the two equal).
 */
export const SERVICE_BUS_ACCESS = {
  gateway: {
    answers: [],
    // Every query and command of the API, but not what only services ask: customers' contact
    // data and survey links never pass through the gateway.
    requests: [
      ...all(IntakeRequests),
      ...all(PolicyRequests),
      ...all(DataRightsRequests),
      ...all(SlaRequests),
      ...all(WhatIfRequests),
      ...all(NotificationRequests),
      ...all(WebhookRequests),
      ...all(FeedbackRequests),
      ...all(AuditRequests),
    ].filter(
      (contract) =>
        contract !== IntakeRequests.getCustomerContact && contract !== FeedbackRequests.getSurveyLink,
    ),
    publishes: [],
    consumes: [],
    followsPolicies: false,
    administersDeadLetters: true,
  },
  intake: {
    answers: [...all(IntakeRequests), ...all(PolicyRequests), ...all(DataRightsRequests)],
    requests: [],
    publishes: [STREAMS.complaints, STREAMS.policies],
    consumes: [
      consumer(STREAMS.sla, 'intake-closure'),
      consumer(STREAMS.sla, 'intake-breach-withdrawals'),
      consumer(STREAMS.escalation, 'intake-escalation'),
      consumer(STREAMS.surveys, 'intake-surveys'),
    ],
    followsPolicies: true,
  },
  sla: {
    answers: [...all(SlaRequests), ...all(WhatIfRequests)],
    requests: [],
    publishes: [STREAMS.sla, STREAMS.slaClocks],
    // Its breach timers wait until it has processed what COMPLAINTS stored before their deadline.
    consumes: [consumer(STREAMS.complaints, 'sla', true)],
    followsPolicies: true,
  },
  escalation: {
    answers: [],
    requests: [],
    publishes: [STREAMS.escalation],
    consumes: [
      consumer(STREAMS.complaints, 'escalation'),
      consumer(STREAMS.sla, 'escalation-sla'),
      consumer(STREAMS.surveys, 'escalation-surveys'),
    ],
    followsPolicies: true,
  },
  notifications: {
    answers: [...all(NotificationRequests), ...all(WebhookRequests)],
    requests: [IntakeRequests.getCustomerContact, FeedbackRequests.getSurveyLink],
    publishes: [STREAMS.notifications],
    consumes: [
      consumer(STREAMS.complaints, 'notifications-complaints'),
      consumer(STREAMS.sla, 'notifications-sla'),
      consumer(STREAMS.surveys, 'notifications-surveys'),
      consumer(STREAMS.escalation, 'notifications-escalation'),
      ...WEBHOOK_EVENT_STREAMS.map((stream) =>
        consumer(stream, `notifications-webhooks-${stream.name.toLowerCase().replace(/_/g, '-')}`),
      ),
    ],
    followsPolicies: true,
  },
  feedback: {
    answers: all(FeedbackRequests),
    requests: [IntakeRequests.getCustomerContact],
    publishes: [STREAMS.surveys],
    consumes: [
      consumer(STREAMS.complaints, 'feedback-resolutions'),
      consumer(STREAMS.complaints, 'feedback-erasures'),
    ],
    followsPolicies: true,
  },
  audit: {
    answers: all(AuditRequests),
    requests: [],
    publishes: [STREAMS.audit],
    // One consumer per stream that carries events (`registerConsumers`), named after its key.
    consumes: Object.entries(STREAMS)
      .filter(([, stream]) => eventStreams.includes(stream))
      .map(([key, stream]) =>
        consumer(stream, `audit-register-${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`),
      ),
    followsPolicies: true,
  },
} as const satisfies Record<string, ServiceBusAccess>;

export type ServiceName = keyof typeof SERVICE_BUS_ACCESS;

const SERVICES = Object.keys(SERVICE_BUS_ACCESS) as ServiceName[];

/** A service with durable consumers replays their dead letters, on a subject of its own. */
const deadLetterReplayOf = (service: ServiceName) =>
  SERVICE_BUS_ACCESS[service].consumes.length > 0 ? [replayDeadLetterRequest(service)] : [];

/** The requests a service answers: those the table lists, and the replay of its own consumers' dead letters. */
export function answeredRequests(service: ServiceName): RequestContract[] {
  return [...SERVICE_BUS_ACCESS[service].answers, ...deadLetterReplayOf(service)];
}

/** The service whose durable consumer this is, so a dead letter is replayed by the one that failed it. */
export function consumerOwner(durable: string): ServiceName | undefined {
  return SERVICES.find((service) =>
    SERVICE_BUS_ACCESS[service].consumes.some((consumer: ConsumerAccess) => consumer.durable === durable),
  );
}

export interface NatsPermissions {
  readonly publish: readonly string[];
  readonly subscribe: readonly string[];
  /** May reply to the requests it received (NATS `allow_responses`), and to nothing else. */
  readonly allowResponses: boolean;
}

/**
 * The subjects one service's NATS user may publish and subscribe to: its requests and
 * answers, its streams, the JetStream API calls for exactly its streams and durable
 * consumers, and replies on its own inboxes only. Nothing else: no stream deletion, no
 * other service's consumers, no events of a stream it does not own.
 */
export function natsPermissions(
  service: ServiceName,
  topology: Topology = new Topology(undefined),
): NatsPermissions {
  const access: ServiceBusAccess = SERVICE_BUS_ACCESS[service];
  const api = '$JS.API';
  const streamName = (stream: StreamDefinition) => topology.streamName(stream);
  const consumed = access.consumes.map((c) => c.stream);
  const managed = unique([
    ...access.publishes,
    ...consumed,
    ...(access.followsPolicies ? [STREAMS.policies] : []),
    ...(consumed.length > 0 ? [DEAD_LETTER_STREAM] : []),
  ]);
  const usesJetStream = managed.length > 0;
  const publish = [
    ...access.requests.map((contract) => topology.subject(contract.pattern)),
    // Lists dead letters one by one, and has the owning service replay one; it deletes nothing.
    ...(access.administersDeadLetters
      ? [
          `${api}.STREAM.MSG.GET.${streamName(DEAD_LETTER_STREAM)}`,
          ...SERVICES.flatMap(deadLetterReplayOf).map((contract) => topology.subject(contract.pattern)),
        ]
      : []),
    ...access.publishes.map((stream) => topology.streamSubjects(stream)),
    ...(usesJetStream ? [`${api}.INFO`] : []),
    // ensureStream: every service creates or updates the streams it uses, so start-up order never matters.
    ...managed.flatMap((stream) =>
      ['INFO', 'CREATE', 'UPDATE'].map((action) => `${api}.STREAM.${action}.${streamName(stream)}`),
    ),
    ...access.consumes.flatMap(({ stream, durable, readsProgress }) => {
      const name = streamName(stream);
      return [
        ...(readsProgress ? [`${api}.STREAM.MSG.GET.${name}`] : []),
        `${api}.CONSUMER.INFO.${name}.${durable}`,
        `${api}.CONSUMER.CREATE.${name}.${durable}`,
        `${api}.CONSUMER.CREATE.${name}.${durable}.>`,
        `${api}.CONSUMER.DURABLE.CREATE.${name}.${durable}`,
        `${api}.CONSUMER.MSG.NEXT.${name}.${durable}`,
        `$JS.ACK.${name}.${durable}.>`,
        topology.deadLetterSubject(name, durable),
      ];
    }),
    // Replaying a dead letter to its consumer reads it, then deletes it (ADR 0008).
    ...(consumed.length > 0
      ? ['MSG.GET', 'MSG.DELETE'].map((action) => `${api}.STREAM.${action}.${streamName(DEAD_LETTER_STREAM)}`)
      : []),
    // The policy catalogue's ordered consumer is ephemeral, with a name the client makes up.
    ...(access.followsPolicies
      ? ['CREATE', 'INFO', 'DELETE', 'MSG.NEXT'].map(
          (action) => `${api}.CONSUMER.${action}.${streamName(STREAMS.policies)}.>`,
        )
      : []),
  ];
  const answered = answeredRequests(service);
  const subscribe = [`${inboxPrefixOf(service)}.>`, ...answered.map((contract) => topology.subject(contract.pattern))];
  return {
    publish: unique(publish),
    subscribe: unique(subscribe),
    allowResponses: answered.length > 0,
  };
}

/** The environment variable the NATS server reads a service's password from. */
export function natsPasswordVariable(service: ServiceName): string {
  return `${service.toUpperCase()}_NATS_PASSWORD`;
}

/**
 * The `authorization` block of nats.conf: one user per service, its password taken from the
 * server's environment (`$<SERVICE>_NATS_PASSWORD`), with exactly `natsPermissions`. Anonymous
 * clients are refused. Written to deploy/ by `npm run nats:authorization`.
 */
export function renderNatsAuthorization(): string {
  const quote = (subject: string) => JSON.stringify(subject);
  const list = (subjects: readonly string[]) =>
    subjects.map((subject) => `            ${quote(subject)}`).join('\n');
  const users = (Object.keys(SERVICE_BUS_ACCESS) as ServiceName[]).map((service) => {
    const { publish, subscribe, allowResponses } = natsPermissions(service);
    return [
      `    {`,
      `      user: ${quote(service)}`,
      `      password: $${natsPasswordVariable(service)}`,
      `      permissions: {`,
      `        publish: {`,
      `          allow: [`,
      list(publish),
      `          ]`,
      `        }`,
      `        subscribe: {`,
      `          allow: [`,
      list(subscribe),
      `          ]`,
      `        }`,
      ...(allowResponses ? [`        allow_responses: true`] : []),
      `      }`,
      `    }`,
    ].join('\n');
  });
  return [
    '# GENERATED by `npm run nats:authorization` from libs/messaging/src/nats-permissions.ts: do not edit.',
    '# One NATS user per service with only the subjects it uses; each password comes from the',
    "# server's environment. Clients without a user are refused.",
    'authorization {',
    '  users = [',
    users.join('\n'),
    '  ]',
    '}',
    '',
  ].join('\n');
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
