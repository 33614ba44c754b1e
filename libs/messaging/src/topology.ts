import { DEAD_LETTER_STREAM, EventContract, StreamDefinition, subjectOf } from '@complaints/contracts';

export const DEFAULT_DEAD_LETTER_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Maps the contract's stream and subject names onto one deployment's namespace, so that
 * several deployments (or parallel test runs) can share a NATS server.
 */
export class Topology {
  constructor(
    readonly namespace: string | undefined,
    /** Copies JetStream keeps of each stream; a stream's replicas can be raised later, not lowered below the cluster's quorum. */
    readonly streamReplicas = 1,
    /** How long the dead-letter stream keeps a message for an operator to replay. */
    readonly deadLetterRetentionMs = DEFAULT_DEAD_LETTER_RETENTION_MS,
  ) {}

  streamName(stream: StreamDefinition): string {
    return this.namespace ? `${this.namespace.toUpperCase()}_${stream.name}` : stream.name;
  }

  subject(subject: string): string {
    return this.namespace ? `${this.namespace}.${subject}` : subject;
  }

  eventSubject(contract: EventContract): string {
    return this.subject(subjectOf(contract));
  }

  /** All subjects of a stream, for the stream's definition and wildcard consumers. */
  streamSubjects(stream: StreamDefinition): string {
    return this.subject(`${stream.subjectPrefix}.>`);
  }

  deadLetterSubject(streamName: string, consumer: string): string {
    return this.subject(`${DEAD_LETTER_STREAM.subjectPrefix}.${streamName}.${consumer}`);
  }

  /** The stream (as deployed) and the consumer a dead-letter subject names; undefined for any other subject. */
  deadLetterOrigin(subject: string): { stream: string; consumer: string } | undefined {
    const prefix = `${this.subject(DEAD_LETTER_STREAM.subjectPrefix)}.`;
    if (!subject.startsWith(prefix)) return undefined;
    const [stream, consumer, ...rest] = subject.slice(prefix.length).split('.');
    return stream && consumer && rest.length === 0 ? { stream, consumer } : undefined;
  }
}
