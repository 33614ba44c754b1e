import { SlaClockBreachWithdrawnV1 } from '@complaints/contracts';
import { ConsumedEvent, ConsumerOutcome, EventConsumer, EventSink, Outcome } from '@complaints/messaging';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { RecordBreachWithdrawal } from './record-breach-withdrawal';

const WITHDRAWALS = [SlaClockBreachWithdrawnV1] as const;

/** Breaches sla withdrew, onto the complaint's timeline, undoing a closure they caused. */
@Injectable()
export class BreachWithdrawalsConsumer implements EventConsumer<typeof WITHDRAWALS> {
  readonly durable = 'intake-breach-withdrawals';
  readonly events = WITHDRAWALS;

  constructor(private readonly record: RecordBreachWithdrawal) {}

  async handle(withdrawal: ConsumedEvent<typeof WITHDRAWALS>, tx: EntityManager, events: EventSink): Promise<ConsumerOutcome> {
    const { complaintId } = withdrawal;
    // sla learns of complaints from intake's events, so a withdrawal for an unknown one is a bug: it waits in the dead letters.
    if (complaintId === null) return Outcome.reject('the withdrawal names no complaint');
    const recorded = await this.record.execute(tx, events, { ...withdrawal, complaintId });
    return recorded ? Outcome.processed() : Outcome.reject(`intake has no complaint ${complaintId}`);
  }
}
