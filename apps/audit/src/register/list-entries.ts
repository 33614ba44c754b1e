import { AuditEntryPage, ListAuditEntriesRequest } from '@complaints/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { auditEntryView } from './audit-entry-view';
import { ORGANISATION_OF_POLICY, OrganisationOfPolicy, entryAsSeenBy } from './entry-visibility';
import { REGISTER_READER, RegisterReader } from './register-reader';

/** Register entries in seq order, filtered; the cursor is the seq the next page starts at. */
@Injectable()
export class ListEntries {
  constructor(
    private readonly em: EntityManager,
    @Inject(REGISTER_READER) private readonly register: RegisterReader,
    @Inject(ORGANISATION_OF_POLICY) private readonly organisationOf: OrganisationOfPolicy,
  ) {}

  async execute({ principal, filter, cursor, limit }: ListAuditEntriesRequest): Promise<AuditEntryPage> {
    // One more than asked says whether there is a next page without a count.
    const rows = await this.register.page(this.em.fork(), filter, cursor === undefined ? 0 : Number(cursor), limit + 1);
    const items = rows.slice(0, limit);
    const next = rows[limit];
    const seen = items.map((stored) => entryAsSeenBy(principal, auditEntryView(stored), this.organisationOf));
    return { items: seen, nextCursor: next === undefined ? null : String(next.entry.seq) };
  }
}
