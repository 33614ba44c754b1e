import { ComplaintView, GetComplaintRequest } from '@complaints/contracts';
import { NotFoundError } from '@complaints/domain';
import { mayAccess, seesContact } from './complaint-access';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ComplaintDataKeys } from '../personal-data/complaint-data-keys';
import { ComplaintSchema } from './complaint.entity';
import { openContact } from './complaint-contact';
import { toComplaintView } from './complaint-view';

/**
 * Reads one complaint. A submitter asking for someone else's gets "not found", never
 * "forbidden"; only an unrestricted reader (an agent) gets the contact data.
 */
@Injectable()
export class GetComplaint {
  constructor(
    private readonly em: EntityManager,
    private readonly keys: ComplaintDataKeys,
  ) {}

  async execute(request: GetComplaintRequest): Promise<ComplaintView> {
    const em = this.em.fork();
    const record = await em.findOne(ComplaintSchema, { id: request.complaintId });
    if (!record || !mayAccess(request.principal, record)) throw new NotFoundError(`complaint ${request.complaintId}`);
    return seesContact(request.principal) ? toComplaintView(record, await openContact(this.keys, em, record)) : toComplaintView(record);
  }
}
