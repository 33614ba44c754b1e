import { ComplaintView, GetComplaintRequest } from '@complaints/contracts';
import { NotFoundError } from '@complaints/domain';
import { mayAccess, seesContact } from './complaint-access';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { PersonalDataCipher } from '@complaints/persistence';
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
    private readonly cipher: PersonalDataCipher,
  ) {}

  async execute(request: GetComplaintRequest): Promise<ComplaintView> {
    const record = await this.em.fork().findOne(ComplaintSchema, { id: request.complaintId });
    if (!record || !mayAccess(request.principal, record)) throw new NotFoundError(`complaint ${request.complaintId}`);
    return seesContact(request.principal) ? toComplaintView(record, openContact(this.cipher, record)) : toComplaintView(record);
  }
}
