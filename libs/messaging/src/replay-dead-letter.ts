import { DeadLetterReplay, ReplayDeadLetterRequest } from '@complaints/contracts';
import { ConflictError, NotFoundError, isPlatformAdmin } from '@complaints/domain';
import { EventConsumerHost } from './event-consumer-host';

/**
 * A service's answer to the replay of one of its dead letters (ADR 0008). Envelopes carry no
 * organisation, so only the platform's admins replay; anyone else is told there is no such dead
 * letter, as for anything not theirs. A dead letter of another service's consumer is not found
 * here either: the caller asks the service that owns the consumer.
 */
export async function replayDeadLetter(
  host: Pick<EventConsumerHost, 'replayDeadLetter'>,
  { principal, seq }: ReplayDeadLetterRequest,
): Promise<DeadLetterReplay> {
  if (!isPlatformAdmin(principal)) throw new NotFoundError(`dead letter ${seq}`);
  const replayed = await host.replayDeadLetter(seq);
  switch (replayed.outcome) {
    case 'processed':
    case 'duplicate':
      return { seq, consumer: replayed.consumer, outcome: replayed.outcome };
    case 'not_found':
      throw new NotFoundError(`dead letter ${seq}`);
    case 'rejected':
      throw new ConflictError(`${replayed.consumer} still does not handle the event: ${replayed.reason}`);
  }
}
