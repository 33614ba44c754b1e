/**
 * JetStream streams, one per producing service. Subjects are `<prefix>.<event type>.v<version>`
 * so consumers can filter by type and a new version is a new subject.
 */
export const STREAMS = {
  complaints: { name: 'COMPLAINTS', subjectPrefix: 'complaints.events' },
  sla: { name: 'SLA', subjectPrefix: 'sla.events' },
  // Every re-plan of a complaint's clocks, for the register: a stream of its own, so the
  // consumers that act on warnings and breaches (escalation, intake's closures) see only those.
  slaClocks: { name: 'SLA_CLOCKS', subjectPrefix: 'sla.clocks' },
  escalation: { name: 'ESCALATION', subjectPrefix: 'escalation.events' },
  notifications: { name: 'NOTIFICATIONS', subjectPrefix: 'notifications.events' },
  surveys: { name: 'SURVEYS', subjectPrefix: 'surveys.events' },
  // What the register does to itself (purges of payloads whose retention ended), so it
  // records those acts as entries like any other event.
  audit: { name: 'AUDIT', subjectPrefix: 'audit.events' },
  // Every service rebuilds its policy registry by reading this stream from the start, so it
  // keeps every published version (ADR 0021).
  policies: { name: 'POLICIES', subjectPrefix: 'policies.events', retainForever: true },
} as const satisfies Record<string, StreamDefinition>;

export type StreamKey = keyof typeof STREAMS;

export interface StreamDefinition {
  readonly name: string;
  readonly subjectPrefix: string;
  /** Keep messages until deleted, rather than for the replay window. */
  readonly retainForever?: boolean;
}

/** Where messages go after their last failed delivery, for an operator to inspect and replay. */
export const DEAD_LETTER_STREAM: StreamDefinition = { name: 'DEADLETTER', subjectPrefix: 'deadletter' };
