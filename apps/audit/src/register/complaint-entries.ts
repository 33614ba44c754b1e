import { ComplaintAuditEntries, ComplaintAuditEntriesRequest } from '@complaints/contracts';
import { NotFoundError, canSee } from '@complaints/domain';
import { ORGANISATION_OF_POLICY, OrganisationOfPolicy } from './entry-visibility';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { auditEntryView } from './audit-entry-view';
import { StoredEntry } from './chain-check';
import { REGISTER_READER, RegisterReader } from './register-reader';

const PAGE = 500;

/** Every entry of one complaint, in seq order: its history as the register holds it. */
@Injectable()
export class ComplaintEntries {
  constructor(
    private readonly em: EntityManager,
    @Inject(REGISTER_READER) private readonly register: RegisterReader,
    @Inject(ORGANISATION_OF_POLICY) private readonly organisationOf: OrganisationOfPolicy,
  ) {}

  async execute({ principal, complaintId }: ComplaintAuditEntriesRequest): Promise<ComplaintAuditEntries> {
    const em = this.em.fork();
    const entries: StoredEntry[] = [];
    for (let fromSeq = 0; ; ) {
      const page = await this.register.page(em, { complaintId }, fromSeq, PAGE);
      entries.push(...page);
      const last = page[page.length - 1];
      if (page.length < PAGE || !last) break;
      fromSeq = last.entry.seq + 1;
    }
    // Another organisation's complaint is as unknown as one the register never heard of.
    const visible = entries.some(({ entry }) => canSee(principal, this.organisationOf(entry.policyId)));
    if (!visible) throw new NotFoundError(`complaint ${complaintId} in the register`);
    return { complaintId, items: entries.map(auditEntryView) };
  }
}
