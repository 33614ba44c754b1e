import { CustomerContactReply, GetCustomerContactRequest } from '@complaints/contracts';
import { NotFoundError } from '@complaints/domain';
import { executeSql } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ComplaintSchema } from '../complaints/complaint.entity';
import { openContact } from '../complaints/complaint-contact';
import { ComplaintHistory } from '../complaints/complaint-history';
import { ComplaintDataKeys } from '../personal-data/complaint-data-keys';

/**
 * Hands a customer's contact data to the service about to use it (a message, a survey page)
 * and records the read in the same transaction: no read goes unrecorded, and a failed record
 * returns no data.
 */
@Injectable()
export class GetCustomerContact {
  constructor(
    private readonly em: EntityManager,
    private readonly keys: ComplaintDataKeys,
    private readonly history: ComplaintHistory,
  ) {}

  execute(request: GetCustomerContactRequest): Promise<CustomerContactReply> {
    return this.em.fork().transactional(async (tx) => {
      const record = await tx.findOne(ComplaintSchema, { id: request.complaintId });
      const contact = record ? await openContact(this.keys, tx, record) : undefined;
      if (!record || !contact) throw new NotFoundError(`customer contact of complaint ${request.complaintId}`);
      const note = request.eventId === undefined ? null : await this.history.noteOf(tx, record.id, request.eventId);
      if (note === undefined) throw new NotFoundError(`event ${request.eventId} of complaint ${request.complaintId}`);
      await executeSql(
        tx,
        'insert into intake.contact_reads (complaint_id, requested_by, purpose, event_id) values (?, ?, ?, ?)',
        [record.id, request.requestedBy, request.purpose, request.eventId ?? null],
      );
      return {
        complaintId: record.id,
        reference: record.reference,
        organisationId: record.organisationId,
        policyId: record.policyId,
        policyVersion: record.policyVersion,
        status: record.status,
        customer: contact.customer,
        note,
      };
    });
  }
}
