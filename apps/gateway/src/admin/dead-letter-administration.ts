import { DeadLetterPage, DeadLetterReplay, replayDeadLetterRequest } from '@complaints/contracts';
import { Principal, isPlatformAdmin } from '@complaints/domain';
import { DeadLetterQuery, Topology, consumerOwner, findDeadLetter, listDeadLetters } from '@complaints/messaging';
import { NATS_CONNECTION } from '@complaints/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { JetStreamManager, NatsConnection } from 'nats';
import { ServiceRequester } from '../intake/service-requester';
import { ProblemError } from '../problems/problem-error';

/**
 * The dead letters, for the platform's admins (ADR 0008): listed from the dead-letter stream
 * here, replayed by the service that owns the consumer that gave up on each. Envelopes carry
 * no organisation, so an organisation's admin is told there are none, as for anything not theirs.
 */
@Injectable()
export class DeadLetterAdministration {
  // Without the account check at creation: the gateway's NATS user may read dead letters and nothing else of JetStream.
  private readonly jsm: Promise<JetStreamManager>;

  constructor(
    @Inject(NATS_CONNECTION) nats: NatsConnection,
    private readonly topology: Topology,
    private readonly services: ServiceRequester,
  ) {
    this.jsm = nats.jetstreamManager({ checkAPI: false });
  }

  async list(principal: Principal, query: DeadLetterQuery): Promise<DeadLetterPage> {
    if (!isPlatformAdmin(principal)) throw notFound('there are no dead letters this API key may see');
    return this.reading(async (jsm) => listDeadLetters(jsm, this.topology, query));
  }

  async replay(principal: Principal, seq: number): Promise<DeadLetterReplay> {
    if (!isPlatformAdmin(principal)) throw notFound(`dead letter ${seq} was not found`);
    const deadLetter = await this.reading((jsm) => findDeadLetter(jsm, this.topology, seq));
    if (!deadLetter) throw notFound(`dead letter ${seq} was not found`);
    const owner = consumerOwner(deadLetter.consumer);
    if (!owner) {
      throw new ProblemError(
        409,
        'conflict',
        'Conflict',
        `no service consumes as ${deadLetter.consumer} any more, so none can replay dead letter ${seq}`,
      );
    }
    return this.services.request(replayDeadLetterRequest(owner), { principal, seq });
  }

  /** JetStream away or slow is a 503 to retry, as for a service that does not answer. */
  private async reading<T>(work: (jsm: JetStreamManager) => Promise<T>): Promise<T> {
    try {
      return await work(await this.jsm);
    } catch {
      throw new ProblemError(
        503,
        'unavailable',
        'Service unavailable',
        'the dead-letter stream cannot be read now',
        [],
        { 'Retry-After': '1' },
      );
    }
  }
}

function notFound(detail: string): ProblemError {
  return new ProblemError(404, 'not-found', 'Not found', detail);
}
