import { ComplaintView, SetLegalHoldRequest } from '@complaints/contracts';
import { NotFoundError } from '@complaints/domain';
import { UnitOfWork } from '@complaints/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { actorOf, mayAccess } from '../complaints/complaint-access';
import { decideLegalHold } from '../complaints/complaint-data-rights';
import { ComplaintChanges } from '../complaints/complaint-changes';
import { toComplaintView } from '../complaints/complaint-view';
import { COMPLAINT_REPOSITORY, ComplaintRepository } from '../complaints/complaint.repository';
import { assertMayExerciseDataRights } from './data-rights-access';

/** Places or releases a legal hold; the reason is kept encrypted on the complaint's timeline. */
@Injectable()
export class SetLegalHold {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly changes: ComplaintChanges,
    @Inject(COMPLAINT_REPOSITORY) private readonly complaints: ComplaintRepository,
  ) {}

  async execute(request: SetLegalHoldRequest): Promise<ComplaintView> {
    assertMayExerciseDataRights(request.principal);
    return this.unitOfWork.run(async (tx, events) => {
      const locked = await this.complaints.lockForChange(tx, request.complaintId);
      if (!locked || !mayAccess(request.principal, locked)) throw new NotFoundError(`complaint ${request.complaintId}`);
      const change = decideLegalHold(locked, request.hold, new Date(request.requestedAt));
      await this.changes.commit(tx, events, change, actorOf(request.principal));
      return toComplaintView(change.complaint);
    });
  }
}
