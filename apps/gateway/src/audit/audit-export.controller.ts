import { AuditEntry, AuditEntryPage, AuditEntryStub, AuditRequests } from '@complaints/contracts';
import { Controller, Get, Query, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { Principal } from '../auth/principal';
import { CurrentPrincipal, Roles } from '../auth/roles.decorator';
import { ServiceRequester } from '../intake/service-requester';
import { ApiProblemResponses } from '../openapi/problem-responses';
import { ApiZodQueryParams } from '../openapi/zod-openapi';
import { parseRequest } from '../problems/parse-request';
import { ProblemError } from '../problems/problem-error';
import { auditExportQuerySchema } from './audit-queries';

/** Entries asked of the register per round trip while exporting. */
const PAGE = 500;

/** One export line: an entry (a stub for another organisation's), then the checkpoint over them all. */
function recordOf(item: AuditEntry | AuditEntryStub): Record<string, unknown> {
  return 'eventId' in item ? { record: 'entry', ...item } : { record: 'entry-stub', ...item };
}

/**
 * The register as one NDJSON document an auditor verifies offline with `npm run audit:verify`:
 * every entry up to the latest checkpoint, then that checkpoint. It is streamed page by page;
 * a failure part-way cuts the document short, which verification then refuses.
 *
 * With `from` or `to`, only seqs [from, to), then the latest checkpoint and a `range-proof`:
 * the inclusion proof of entry from − 1 in the tree of `from` entries (the subtrees left of the
 * range) and the consistency proof from the tree of `to` entries to the checkpoint's (ADR 0061).
 */
@Controller('v1/audit')
@UseGuards(ApiKeyGuard)
@ApiTags('audit')
export class AuditExportController {
  constructor(private readonly services: ServiceRequester) {}

  @Get('export')
  @Roles('auditor')
  @ApiOperation({ operationId: 'exportAuditRegister', summary: 'Export the register, or seqs [from, to) of it, for offline verification' })
  @ApiZodQueryParams(auditExportQuerySchema)
  @ApiProduces('application/x-ndjson')
  @ApiResponse({
    status: 200,
    description:
      'NDJSON: one `{"record":"entry", …}` line per entry in seq order (`"entry-stub"` with seq and hashes for other organisations\' entries), then `{"record":"checkpoint","note": …}`, the signed checkpoint over exactly those entries. With `from` or `to`, the entries [from, to), the latest checkpoint, then `{"record":"range-proof","from","to","treeSize","left":{"leafHash","proof"}|null,"consistency":[…]}` that ties them to its root',
    content: { 'application/x-ndjson': { schema: { type: 'string' } } },
  })
  @ApiProblemResponses(404, 422)
  async export(@Query() query: unknown, @CurrentPrincipal() principal: Principal, @Res() response: Response): Promise<void> {
    const { from, to } = parseRequest(auditExportQuerySchema, query, 'query');
    const checkpoint = await this.services.request(AuditRequests.latestCheckpoint, { principal });
    const ranged = from !== undefined || to !== undefined;
    const start = from ?? 0;
    const end = to ?? checkpoint.treeSize;
    if (ranged) refuseBeyond(checkpoint.treeSize, start, end, to === undefined ? 'from' : 'to');
    // Both proofs are asked for before the status is sent, so a failure is still a problem.
    const rangeProof = ranged ? await this.rangeProof(principal, start, end, checkpoint.treeSize) : undefined;
    response.status(200).type('application/x-ndjson');
    try {
      for (let cursor: string | undefined = String(start); cursor !== undefined && Number(cursor) < end; ) {
        const limit = Math.min(PAGE, end - Number(cursor));
        const page: AuditEntryPage = await this.services.request(AuditRequests.listEntries, { principal, filter: {}, cursor, limit });
        for (const item of page.items) response.write(`${JSON.stringify(recordOf(item))}\n`);
        cursor = page.nextCursor ?? undefined;
      }
      const checkpointLine = `${JSON.stringify({ record: 'checkpoint', note: checkpoint.note })}\n`;
      response.end(rangeProof ? `${checkpointLine}${JSON.stringify(rangeProof)}\n` : checkpointLine);
    } catch (error) {
      // The status is sent: all that is left is to cut the document short, without its checkpoint.
      response.destroy(error as Error);
    }
  }

  private async rangeProof(principal: Principal, from: number, to: number, treeSize: number): Promise<Record<string, unknown>> {
    const [left, consistency] = await Promise.all([
      from === 0 ? null : this.services.request(AuditRequests.inclusionProof, { principal, index: from - 1, treeSize: from }),
      this.services.request(AuditRequests.consistencyProof, { principal, from: to, to: treeSize }),
    ]);
    return {
      record: 'range-proof',
      from,
      to,
      treeSize,
      left: left && { leafHash: left.leafHash, proof: left.proof },
      consistency: consistency.proof,
    };
  }
}

/** A range must lie within the latest checkpoint's tree: only that is signed. */
function refuseBeyond(treeSize: number, from: number, to: number, field: 'from' | 'to'): void {
  if (from < to && to <= treeSize) return;
  throw new ProblemError(422, 'unprocessable', 'Unprocessable request', 'the range is not within the latest checkpoint', [
    { field, message: field === 'to' ? `must be at most ${treeSize}, the latest checkpoint's size` : `must be less than ${treeSize}, the latest checkpoint's size` },
  ]);
}
