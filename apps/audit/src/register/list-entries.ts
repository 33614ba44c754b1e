import { AuditEntryPage, ListAuditEntriesRequest } from '@complaints/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { auditEntryView } from './audit-entry-view';
import { REGISTER_READER, RegisterReader } from './register-reader';

/** Register entries in seq order, filtered; the cursor is the seq the next page starts at. */
@Injectable()
export class ListEntries {
  constructor(
    private readonly em: EntityManager,
    @Inject(REGISTER_READER) private readonly register: RegisterReader,
  ) {}

  async execute({ filter, cursor, limit }: ListAuditEntriesRequest): Promise<AuditEntryPage> {
    // One more than asked says whether there is a next page without a count.
    const rows = await this.register.page(this.em.fork(), filter, cursor === undefined ? 0 : Number(cursor), limit + 1);
    const items = rows.slice(0, limit);
    const next = rows[limit];
    return { items: items.map(auditEntryView), nextCursor: next === undefined ? null : String(next.entry.seq) };
  }
}
