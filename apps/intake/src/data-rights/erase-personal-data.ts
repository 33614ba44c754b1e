import { ErasePersonalDataRequest, ErasureReport } from '@complaints/contracts';
import { NotFoundError } from '@complaints/domain';
import { UnitOfWork } from '@complaints/messaging';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { actorOf, mayAccess } from '../complaints/complaint-access';
import { COMPLAINT_REPOSITORY, ComplaintRepository } from '../complaints/complaint.repository';
import { CustomerLookup } from '../personal-data/customer-lookup';
import { customerComplaintIds } from './customer-complaints';
import { assertMayExerciseDataRights } from './data-rights-access';
import { EraseComplaintData } from './erase-complaint-data';

/**
 * A customer's request to erase their personal data (GDPR art. 17), made through an admin of
 * the organisation: every complaint of theirs the organisation holds, or one complaint. All
 * or nothing: the report says which were erased, which a legal hold kept, which were already.
 */
@Injectable()
export class ErasePersonalData {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly lookup: CustomerLookup,
    private readonly erase: EraseComplaintData,
    @Inject(COMPLAINT_REPOSITORY) private readonly complaints: ComplaintRepository,
  ) {}

  async execute(request: ErasePersonalDataRequest): Promise<ErasureReport> {
    assertMayExerciseDataRights(request.principal);
    const now = new Date(request.requestedAt);
    return this.unitOfWork.run(async (tx, events) => {
      const report: ErasureReport = { erased: [], held: [], alreadyErased: [] };
      for (const id of await this.targets(tx, request)) {
        const locked = await this.complaints.lockForChange(tx, id);
        if (!locked || !mayAccess(request.principal, locked)) throw new NotFoundError(`complaint ${id}`);
        const decision = await this.erase.execute(tx, events, locked, { cause: 'request', actor: actorOf(request.principal), now });
        const ref = { complaintId: locked.id, reference: locked.reference };
        if (decision.kind === 'erase') report.erased.push(ref);
        else if (decision.kind === 'held') report.held.push({ ...ref, legalHoldSince: decision.since.toISOString() });
        else report.alreadyErased.push({ ...ref, erasedAt: decision.at.toISOString() });
      }
      return report;
    });
  }

  private async targets(tx: EntityManager, request: ErasePersonalDataRequest): Promise<string[]> {
    const { target } = request;
    return 'complaintId' in target ? [target.complaintId] : customerComplaintIds(tx, this.lookup, request.principal, target.email);
  }
}
