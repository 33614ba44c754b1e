import { WhatIfRequest, WhatIfResult } from '@complaints/contracts';
import { toZonedIso } from '@complaints/policy';
import { EntityManager } from '@mikro-orm/postgresql';
import { Clock } from '../timers';
import { compareComplaint } from './compare-complaint';
import { ComplaintsToReplay } from './complaints-to-replay';
import { PublishedPolicies, policyToReplay } from './policy-to-replay';
import { whatIfWindow } from './what-if-bounds';
import { WhatIfCursor, decodeCursor, encodeCursor } from './what-if-cursor';
import { WhatIfPage } from './what-if-page';

/** Flips one page lists at most: a reply is one NATS message (1 MB by default), a flip about 300 bytes. */
export const MAX_FLIPS_PER_PAGE = 1000;
/** Complaints read from PostgreSQL at a time; between batches the service's other work runs. */
const BATCH_SIZE = 1000;

/**
 * Replays the complaints of a policy received in a window under a draft: each complaint's
 * clocks re-planned from its recorded facts, set beside the clocks it has. Nothing is stored
 * or published. A page replays up to `limit` complaints, batch by batch, and stops early
 * when its flips fill; the cursor carries the instant the first page judged open clocks at,
 * so every page of one replay judges them alike.
 */
export class RunWhatIf {
  constructor(
    private readonly em: EntityManager,
    private readonly complaints: ComplaintsToReplay,
    private readonly policies: PublishedPolicies,
    private readonly clock: Clock,
    private readonly maxFlipsPerPage = MAX_FLIPS_PER_PAGE,
  ) {}

  async execute(request: WhatIfRequest): Promise<WhatIfResult> {
    const window = whatIfWindow(request);
    const cursor = request.cursor === undefined ? undefined : decodeCursor(request.cursor);
    const draft = policyToReplay(this.policies, request.principal, request.subject);
    const asOf = cursor?.asOf ?? this.clock.now().getTime();
    const { zone } = draft.calendar;
    const page = new WhatIfPage(this.maxFlipsPerPage, zone);
    const em = this.em.fork();

    let after = cursor?.after;
    let more = true;
    let full = false;
    while (more && !full && page.complaints < window.limit) {
      const wanted = Math.min(BATCH_SIZE, window.limit - page.complaints);
      // One more than wanted tells whether the window goes on after this batch.
      const batch = await this.complaints.batch(em, {
        policyId: draft.id,
        from: window.from,
        to: window.to,
        after,
        limit: wanted + 1,
      });
      more = batch.length > wanted;
      for (const { complaint, clocks } of batch.slice(0, wanted)) {
        full = !page.add(complaint.complaintId, compareComplaint(draft, complaint, clocks, asOf));
        if (full) break;
        after = { receivedAt: complaint.receivedAt, complaintId: complaint.complaintId };
      }
    }
    const next: WhatIfCursor | undefined = (more || full) && after ? { after, asOf } : undefined;
    return {
      policyId: draft.id,
      version: draft.version,
      from: toZonedIso(window.from.getTime(), zone),
      to: toZonedIso(window.to.getTime(), zone),
      evaluatedAt: toZonedIso(asOf, zone),
      complaints: page.complaints,
      metrics: page.metrics(),
      flips: page.flips(),
      nextCursor: next ? encodeCursor(next) : null,
    };
  }
}
