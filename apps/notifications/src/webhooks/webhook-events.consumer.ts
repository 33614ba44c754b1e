import { EventContract, StreamDefinition } from '@complaints/contracts';
import { ConsumedEvent, ConsumerOutcome, EventConsumer, Outcome } from '@complaints/messaging';
import { EntityManager } from '@mikro-orm/postgresql';
import { QueueWebhookDeliveries, policyFactsSchema } from './queue-webhook-deliveries';

/**
 * Deliveries waiting for a policy version this service has not read yet (published at runtime,
 * the catalogue still catching up) are retried with back-off (1 s … 30 s): twenty deliveries
 * wait about eight minutes before the event goes to the dead letters for an operator.
 */
const DELIVERIES_WHILE_POLICY_UNKNOWN = 20;

/**
 * Every event of one stream that an endpoint can subscribe to, turned into deliveries. One
 * consumer per stream, because a durable consumer reads one stream.
 */
export class WebhookEventsConsumer implements EventConsumer {
  readonly durable: string;
  readonly events: readonly EventContract[];
  readonly maxDeliver = DELIVERIES_WHILE_POLICY_UNKNOWN;

  constructor(
    stream: StreamDefinition,
    events: readonly EventContract[],
    private readonly queue: QueueWebhookDeliveries,
    private readonly wakeSender: () => void,
  ) {
    this.durable = `notifications-webhooks-${stream.name.toLowerCase().replace(/_/g, '-')}`;
    this.events = events.filter((contract) => contract.stream === stream);
  }

  async handle(event: ConsumedEvent<readonly EventContract[]>, tx: EntityManager): Promise<ConsumerOutcome> {
    // The data was parsed against its contract; this reads the two facts every such event carries.
    const policy = policyFactsSchema.safeParse(event.data);
    if (!policy.success)
      return Outcome.reject(`${event.type} ${event.id} names no policy, so its organisation is unknown`);
    const queued = await this.queue.execute(tx, event, policy.data);
    if (queued === 'unknown-policy') {
      return Outcome.retry(
        `policy ${policy.data.policyId} v${policy.data.policyVersion} is not known here yet`,
      );
    }
    return queued > 0 ? Outcome.processed(this.wakeSender) : Outcome.processed();
  }
}
