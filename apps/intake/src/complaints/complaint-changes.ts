import { Actor, Envelope } from '@complaints/contracts';
import { EventSink } from '@complaints/messaging';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { ComplaintChange } from './complaint';
import { ComplaintHistory } from './complaint-history';
import { COMPLAINT_REPOSITORY, ComplaintRepository } from './complaint.repository';

/**
 * Commits what the complaint aggregate decided, in the caller's transaction: the complaint,
 * the event announcing the change and its entry on the complaint's timeline. The one place
 * intake makes and publishes complaint events, so they all read the same.
 */
@Injectable()
export class ComplaintChanges {
  constructor(
    @Inject(COMPLAINT_REPOSITORY) private readonly repository: ComplaintRepository,
    private readonly history: ComplaintHistory,
  ) {}

  /** A complaint just submitted. */
  async create(tx: EntityManager, events: EventSink, created: ComplaintChange, actor: Actor): Promise<void> {
    await this.repository.insert(tx, created.complaint);
    await this.announce(tx, events, created, actor);
  }

  /** A change to a complaint the transaction locked with `lockForChange`; returns the event announcing it. */
  async commit(tx: EntityManager, events: EventSink, change: ComplaintChange, actor: Actor): Promise<Envelope> {
    await this.repository.save(tx, change.complaint);
    return this.announce(tx, events, change, actor);
  }

  private async announce(tx: EntityManager, events: EventSink, change: ComplaintChange, actor: Actor): Promise<Envelope> {
    const { contract, data, occurredAt } = change.event;
    const event = await events.publish(contract, { complaintId: change.complaint.id, actor, occurredAt, data });
    await this.history.record(tx, event, change.note);
    return event;
  }
}
