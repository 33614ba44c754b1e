import { Envelope } from '@complaints/contracts';
import { JetStreamClient, MsgHdrs, headers as createHeaders } from 'nats';
import { Context } from '@opentelemetry/api';
import { injectTraceContext } from './trace-context';

export interface PublishedEvent {
  readonly subject: string;
  readonly envelope: Envelope;
}

export interface PublishResult {
  readonly sequence: number;
  /** JetStream already had this event id within its duplicate window. */
  readonly duplicate: boolean;
}

/** Publishes events to JetStream and waits for the stream to acknowledge them. */
export interface EventPublisher {
  publish(event: PublishedEvent, traceContext?: Context): Promise<PublishResult>;
}

const encoder = new TextEncoder();

export class JetStreamEventPublisher implements EventPublisher {
  constructor(private readonly js: JetStreamClient) {}

  async publish(event: PublishedEvent, traceContext?: Context): Promise<PublishResult> {
    const headers: MsgHdrs = injectTraceContext(createHeaders(), traceContext);
    headers.set('Event-Type', event.envelope.type);
    const ack = await this.js.publish(event.subject, encoder.encode(JSON.stringify(event.envelope)), {
      // The event id doubles as the message id, so a republish after a crash is dropped by the stream.
      msgID: event.envelope.id,
      headers,
    });
    return { sequence: ack.seq, duplicate: ack.duplicate };
  }
}
