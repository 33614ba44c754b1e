import { ComplaintView, GetComplaintRequest } from '@complaints/contracts';
import { NotFoundError } from '@complaints/domain';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ComplaintSchema } from './complaint.entity';
import { toComplaintView } from './complaint-view';

/** Reads one complaint; a submitter asking for someone else's gets "not found", never "forbidden". */
@Injectable()
export class GetComplaint {
  constructor(private readonly em: EntityManager) {}

  async execute(request: GetComplaintRequest): Promise<ComplaintView> {
    const record = await this.em.fork().findOne(ComplaintSchema, { id: request.complaintId });
    if (!record || (request.restrictToSubmitter && record.submittedBy !== request.actor.id)) {
      throw new NotFoundError(`complaint ${request.complaintId}`);
    }
    return toComplaintView(record);
  }
}
