import { SlaClockBreachedV1 } from '@complaints/contracts';
import { ConsumedEvent, ConsumerOutcome, EventConsumer, EventSink, Outcome } from '@complaints/messaging';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ApplyPolicyClosure } from './apply-policy-closure';

// Only breaches: a warning closes nothing.
const BREACHES = [SlaClockBreachedV1] as const;

/** Each clock breach meets the complaint's closure rules. */
@Injectable()
export class ClockBreachesConsumer implements EventConsumer<typeof BREACHES> {
  readonly durable = 'intake-closure';
  readonly events = BREACHES;

  constructor(private readonly closures: ApplyPolicyClosure) {}

  async handle(breach: ConsumedEvent<typeof BREACHES>, tx: EntityManager, events: EventSink): Promise<ConsumerOutcome> {
    const { complaintId } = breach;
    // sla learns of complaints from intake's events, so a breach of an unknown one is a bug: it waits in the dead letters.
    if (complaintId === null) return Outcome.reject('the breach names no complaint');
    const decision = await this.closures.execute(tx, events, { ...breach, complaintId });
    return decision ? Outcome.processed() : Outcome.reject(`intake has no complaint ${complaintId}`);
  }
}
