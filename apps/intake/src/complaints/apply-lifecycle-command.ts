import { ComplaintView, LifecycleCommandRequest } from '@complaints/contracts';
import { NotFoundError } from '@complaints/domain';
import { actorOf, mayAccess, seesContact } from './complaint-access';
import { PolicyCatalog } from '@complaints/policy-catalog';
import { UnitOfWork } from '@complaints/messaging';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { IdempotencyStore } from '../idempotency/idempotency-store';
import { ComplaintDataKeys } from '../personal-data/complaint-data-keys';
import { Complaint, changeLifecycle } from './complaint';
import { ComplaintChanges } from './complaint-changes';
import { openContact } from './complaint-contact';
import { toComplaintView } from './complaint-view';
import { COMPLAINT_REPOSITORY, ComplaintRepository } from './complaint.repository';
import { lifecycleChange } from './lifecycle-change';
import { runIdempotently } from './run-idempotently';

/**
 * Applies one lifecycle command: the complaint row is locked, the state machine decides,
 * and the new state, its event and the history entry commit together. An illegal command
 * changes nothing and names the current status.
 */
@Injectable()
export class ApplyLifecycleCommand {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly catalog: PolicyCatalog,
    private readonly keys: ComplaintDataKeys,
    private readonly idempotency: IdempotencyStore,
    @Inject(COMPLAINT_REPOSITORY) private readonly complaints: ComplaintRepository,
    private readonly changes: ComplaintChanges,
  ) {}

  async execute(request: LifecycleCommandRequest): Promise<ComplaintView> {
    const now = new Date(request.requestedAt);
    const { result, contact } = await this.unitOfWork.run(async (tx, events) => {
      const locked = await this.lockVisible(tx, request);
      const outcome = await runIdempotently(
        tx,
        this.idempotency,
        {
          scope: request.principal.name,
          key: request.idempotencyKey,
          operation: `complaint.${request.command.type}:${request.complaintId}`,
          body: request.command.body,
        },
        async () => {
          const policy = this.catalog.registry.require(locked.policyId, locked.policyVersion);
          const change = changeLifecycle(locked, lifecycleChange(request.command, policy, now), now);
          await this.changes.commit(tx, events, change, actorOf(request.principal));
          return toComplaintView(change.complaint);
        },
      );
      // The contact data never changes, so the complaint as locked opens the same as after the change.
      const contact = seesContact(request.principal) ? await openContact(this.keys, tx, locked) : undefined;
      return { result: outcome.result, contact };
    });
    return contact === undefined ? result : { ...result, contact };
  }

  /** Another organisation's or submitter's complaint is "not found", never "forbidden" (OWASP API1). */
  private async lockVisible(tx: EntityManager, request: LifecycleCommandRequest): Promise<Complaint> {
    const complaint = await this.complaints.lockForChange(tx, request.complaintId);
    if (!complaint || !mayAccess(request.principal, complaint)) throw new NotFoundError(`complaint ${request.complaintId}`);
    return complaint;
  }
}
