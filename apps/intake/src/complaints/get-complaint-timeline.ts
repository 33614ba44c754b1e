import { ComplaintTimeline, GetComplaintTimelineRequest } from '@complaints/contracts';
import { NotFoundError } from '@complaints/domain';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { mayAccess } from './complaint-access';
import { ComplaintHistory } from './complaint-history';
import { ComplaintSchema } from './complaint.entity';

/** Every event on one complaint, oldest first. */
@Injectable()
export class GetComplaintTimeline {
  constructor(
    private readonly em: EntityManager,
    private readonly history: ComplaintHistory,
  ) {}

  async execute(request: GetComplaintTimelineRequest): Promise<ComplaintTimeline> {
    const em = this.em.fork();
    const complaint = await em.findOne(ComplaintSchema, { id: request.complaintId }, { fields: ['organisationId', 'submittedBy'] });
    if (!complaint || !mayAccess(request.principal, complaint)) throw new NotFoundError(`complaint ${request.complaintId}`);
    return { complaintId: request.complaintId, entries: await this.history.timeline(em, request.complaintId) };
  }
}
