import { ComplaintPage, ListComplaintsRequest } from '@complaints/contracts';
import { InvalidInputError, PLATFORM_WIDE } from '@complaints/domain';
import { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Complaint } from './complaint';
import { ComplaintSchema } from './complaint.entity';
import { toComplaintView } from './complaint-view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The cursor is the last id of the page, opaque to clients (base64url), so the order can change later. */
export function encodeCursor(lastId: string): string {
  return Buffer.from(`v1:${lastId}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const [version, id] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  if (version !== 'v1' || !id || !UUID.test(id)) {
    throw new InvalidInputError('the cursor is not one this API returned', [{ field: 'cursor', message: 'is not a valid cursor' }]);
  }
  return id;
}

/**
 * Lists complaints newest first, filtered, one page at a time. Ids are UUIDv7, so ordering by
 * id is ordering by creation, and keyset pagination stays fast and stable while complaints
 * arrive. Lists carry no contact data: an agent opens a complaint for that.
 */
@Injectable()
export class ListComplaints {
  constructor(private readonly em: EntityManager) {}

  async execute(request: ListComplaintsRequest): Promise<ComplaintPage> {
    const { filter } = request;
    const { principal } = request;
    const where: FilterQuery<Complaint> = {
      // Only ever the caller's organisation (a submitter: its own complaints).
      ...(principal.organisationId === PLATFORM_WIDE ? {} : { organisationId: principal.organisationId }),
      ...(principal.role === 'submitter' ? { submittedBy: principal.name } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.policyId ? { policyId: filter.policyId } : {}),
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.escalationLevel ? { escalationLevel: filter.escalationLevel } : {}),
      ...(filter.breached !== undefined ? { breached: filter.breached } : {}),
      ...(request.cursor ? { id: { $lt: decodeCursor(request.cursor) } } : {}),
    };
    const rows = await this.em.fork().find(ComplaintSchema, where, { orderBy: { id: 'desc' }, limit: request.limit + 1 });
    const page = rows.slice(0, request.limit);
    return {
      items: page.map((record) => toComplaintView(record)),
      nextCursor: rows.length > request.limit ? encodeCursor(page[page.length - 1].id) : null,
    };
  }
}
