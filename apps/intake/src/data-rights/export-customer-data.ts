import { CustomerDataExport, ExportCustomerDataRequest } from '@complaints/contracts';
import { UnitOfWork } from '@complaints/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { actorOf } from '../complaints/complaint-access';
import { ComplaintChanges } from '../complaints/complaint-changes';
import { openContact } from '../complaints/complaint-contact';
import { exportOf } from '../complaints/complaint-data-rights';
import { ComplaintHistory } from '../complaints/complaint-history';
import { toComplaintView } from '../complaints/complaint-view';
import { COMPLAINT_REPOSITORY, ComplaintRepository } from '../complaints/complaint.repository';
import { ComplaintDataKeys } from '../personal-data/complaint-data-keys';
import { CustomerLookup } from '../personal-data/customer-lookup';
import { customerComplaintIds } from './customer-complaints';
import { assertMayExerciseDataRights } from './data-rights-access';

/**
 * Everything intake holds about one customer (GDPR art. 15), decrypted, for their
 * organisation's admin to hand over. Each complaint exported is announced, so the register
 * records that the access happened, and by whom, without what was read.
 */
@Injectable()
export class ExportCustomerData {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly lookup: CustomerLookup,
    private readonly keys: ComplaintDataKeys,
    private readonly history: ComplaintHistory,
    private readonly changes: ComplaintChanges,
    @Inject(COMPLAINT_REPOSITORY) private readonly complaints: ComplaintRepository,
  ) {}

  async execute(request: ExportCustomerDataRequest): Promise<CustomerDataExport> {
    assertMayExerciseDataRights(request.principal);
    const now = new Date(request.requestedAt);
    return this.unitOfWork.run(async (tx, events) => {
      const exported: CustomerDataExport['complaints'] = [];
      for (const id of await customerComplaintIds(tx, this.lookup, request.principal, request.email)) {
        const locked = await this.complaints.lockForChange(tx, id);
        if (!locked) continue;
        const contact = await openContact(this.keys, tx, locked);
        exported.push({ complaint: toComplaintView(locked, contact), history: await this.history.withNotes(tx, id) });
        await this.changes.commit(tx, events, exportOf(locked, now), actorOf(request.principal));
      }
      return { email: request.email, exportedAt: now.toISOString(), complaints: exported };
    });
  }
}
