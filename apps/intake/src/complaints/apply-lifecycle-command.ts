import { ComplaintView, LifecycleCommandRequest } from '@complaints/contracts';
import { NotFoundError } from '@complaints/domain';
import { PolicyCatalog, UnitOfWork } from '@complaints/runtime';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { IdempotencyStore } from '../idempotency/idempotency-store';
import { PersonalDataCipher } from '../personal-data/personal-data-cipher';
import { ComplaintHistory } from './complaint-history';
import { ComplaintRecord, ComplaintSchema } from './complaint.entity';
import { commitLifecycleChange } from './commit-lifecycle-change';
import { openContact } from './complaint-contact';
import { toComplaintView } from './complaint-view';
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
    private readonly cipher: PersonalDataCipher,
    private readonly idempotency: IdempotencyStore,
    private readonly history: ComplaintHistory,
  ) {}

  async execute(request: LifecycleCommandRequest): Promise<ComplaintView> {
    const now = new Date(request.requestedAt);
    const { result, record } = await this.unitOfWork.run(async (tx, events) => {
      const complaint = await this.lockVisible(tx, request);
      const outcome = await runIdempotently(
        tx,
        this.idempotency,
        {
          scope: request.actor.id,
          key: request.idempotencyKey,
          operation: `complaint.${request.command.type}:${request.complaintId}`,
          body: request.command.body,
        },
        async () => {
          const policy = this.catalog.registry.require(complaint.policyId, complaint.policyVersion);
          await commitLifecycleChange(
            tx,
            (contract, event) => events.append(contract, event),
            this.history,
            complaint,
            lifecycleChange(request.command, policy, now),
            request.actor,
            now,
          );
          return toComplaintView(complaint);
        },
      );
      return { result: outcome.result, record: complaint };
    });
    return request.restrictToSubmitter ? result : { ...result, contact: openContact(this.cipher, record) };
  }

  /** Another submitter's complaint is "not found", never "forbidden" (OWASP API1). */
  private async lockVisible(tx: EntityManager, request: LifecycleCommandRequest): Promise<ComplaintRecord> {
    const complaint = await tx.findOne(
      ComplaintSchema,
      { id: request.complaintId },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!complaint || (request.restrictToSubmitter && complaint.submittedBy !== request.actor.id)) {
      throw new NotFoundError(`complaint ${request.complaintId}`);
    }
    return complaint;
  }
}
