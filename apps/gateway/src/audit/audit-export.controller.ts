import { AuditEntry, AuditEntryPage, AuditEntryStub, AuditRequests } from '@complaints/contracts';
import { Controller, Get, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { Principal } from '../auth/principal';
import { CurrentPrincipal, Roles } from '../auth/roles.decorator';
import { ServiceRequester } from '../intake/service-requester';
import { ApiProblemResponses } from '../openapi/problem-responses';

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
 */
@Controller('v1/audit')
@UseGuards(ApiKeyGuard)
@ApiTags('audit')
export class AuditExportController {
  constructor(private readonly services: ServiceRequester) {}

  @Get('export')
  @Roles('auditor')
  @ApiOperation({ operationId: 'exportAuditRegister', summary: 'Export the register for offline verification' })
  @ApiProduces('application/x-ndjson')
  @ApiResponse({
    status: 200,
    description:
      'NDJSON: one `{"record":"entry", …}` line per entry in seq order (`"entry-stub"` with seq and hashes for other organisations\' entries), then `{"record":"checkpoint","note": …}`, the signed checkpoint over exactly those entries',
    content: { 'application/x-ndjson': { schema: { type: 'string' } } },
  })
  @ApiProblemResponses(404)
  async export(@CurrentPrincipal() principal: Principal, @Res() response: Response): Promise<void> {
    const checkpoint = await this.services.request(AuditRequests.latestCheckpoint, { principal });
    response.status(200).type('application/x-ndjson');
    try {
      for (let cursor: string | undefined = '0'; cursor !== undefined && Number(cursor) < checkpoint.treeSize; ) {
        const limit = Math.min(PAGE, checkpoint.treeSize - Number(cursor));
        const page: AuditEntryPage = await this.services.request(AuditRequests.listEntries, { principal, filter: {}, cursor, limit });
        for (const item of page.items) response.write(`${JSON.stringify(recordOf(item))}\n`);
        cursor = page.nextCursor ?? undefined;
      }
      response.end(`${JSON.stringify({ record: 'checkpoint', note: checkpoint.note })}\n`);
    } catch (error) {
      // The status is sent: all that is left is to cut the document short, without its checkpoint.
      response.destroy(error as Error);
    }
  }
}
