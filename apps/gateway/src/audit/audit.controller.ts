import {
  AuditEntryPage,
  AuditRequests,
  CheckpointPage,
  ComplaintAuditEntries,
  ConsistencyProofView,
  InclusionProofView,
  RegisterPublicKey,
  RegisterVerification,
  auditEntryPageSchema,
  checkpointPageSchema,
  complaintAuditEntriesSchema,
  consistencyProofSchema,
  inclusionProofSchema,
  registerPublicKeySchema,
  registerVerificationSchema,
} from '@complaints/contracts';
import { Controller, Get, Header, Param, Query, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { Principal } from '../auth/principal';
import { CurrentPrincipal, Roles } from '../auth/roles.decorator';
import { complaintIdParamSchema } from '../complaints/complaint-queries';
import { ServiceRequester } from '../intake/service-requester';
import { ApiProblemResponses } from '../openapi/problem-responses';
import { ApiZodPathParams, ApiZodQueryParams, ApiZodResponse } from '../openapi/zod-openapi';
import { parseRequest } from '../problems/parse-request';
import {
  auditCheckpointsQuerySchema,
  auditEntriesQuerySchema,
  consistencyProofQuerySchema,
  inclusionProofQuerySchema,
  verifyQuerySchema,
} from './audit-queries';

/** The audit register, for auditors: entries, signed checkpoints, the key, proofs and verification (ADR 0061). */
@Controller('v1/audit')
@UseGuards(ApiKeyGuard)
@ApiTags('audit')
export class AuditController {
  constructor(private readonly services: ServiceRequester) {}

  @Get('entries')
  @Roles('auditor')
  @ApiOperation({ operationId: 'listAuditEntries', summary: 'List register entries in order' })
  @ApiZodQueryParams(auditEntriesQuerySchema)
  @ApiZodResponse(200, 'One page of entries in seq order; pass `nextCursor` as `cursor` for the next', auditEntryPageSchema)
  entries(@Query() query: unknown, @CurrentPrincipal() principal: Principal): Promise<AuditEntryPage> {
    const { cursor, limit, ...filter } = parseRequest(auditEntriesQuerySchema, query, 'query');
    return this.services.request(AuditRequests.listEntries, { principal, filter, cursor, limit });
  }

  @Get('complaints/:id')
  @Roles('auditor')
  @ApiOperation({ operationId: 'getComplaintAuditEntries', summary: "Get a complaint's register entries" })
  @ApiZodPathParams(complaintIdParamSchema)
  @ApiZodResponse(200, "Every entry of the complaint, in seq order", complaintAuditEntriesSchema)
  @ApiProblemResponses(404)
  complaint(@Param() params: unknown, @CurrentPrincipal() principal: Principal): Promise<ComplaintAuditEntries> {
    const { id } = parseRequest(complaintIdParamSchema, params, 'path');
    return this.services.request(AuditRequests.complaintEntries, { principal, complaintId: id });
  }

  @Get('checkpoint')
  @Roles('auditor')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiOperation({ operationId: 'getAuditCheckpoint', summary: 'Get the latest signed checkpoint' })
  @ApiProduces('text/plain')
  @ApiResponse({
    status: 200,
    description: 'The latest C2SP checkpoint as an Ed25519 signed note, to verify with the verifier key of `/v1/audit/public-key`',
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  @ApiProblemResponses(404)
  async checkpoint(@CurrentPrincipal() principal: Principal): Promise<string> {
    const latest = await this.services.request(AuditRequests.latestCheckpoint, { principal });
    return latest.note;
  }

  @Get('checkpoints')
  @Roles('auditor')
  @ApiOperation({ operationId: 'listAuditCheckpoints', summary: 'List signed checkpoints, newest first' })
  @ApiZodQueryParams(auditCheckpointsQuerySchema)
  @ApiZodResponse(200, 'One page of checkpoints, newest first; pass `nextCursor` as `cursor` for older ones', checkpointPageSchema)
  checkpoints(@Query() query: unknown, @CurrentPrincipal() principal: Principal): Promise<CheckpointPage> {
    const { cursor, limit } = parseRequest(auditCheckpointsQuerySchema, query, 'query');
    return this.services.request(AuditRequests.listCheckpoints, { principal, cursor, limit });
  }

  @Get('public-key')
  @Roles('auditor')
  @ApiOperation({ operationId: 'getAuditPublicKey', summary: 'Get the key checkpoints are signed with' })
  @ApiZodResponse(200, 'The Ed25519 public key, and the C2SP verifier key to pin', registerPublicKeySchema)
  publicKey(@CurrentPrincipal() principal: Principal): Promise<RegisterPublicKey> {
    return this.services.request(AuditRequests.publicKey, { principal });
  }

  @Get('proofs/inclusion')
  @Roles('auditor')
  @ApiOperation({ operationId: 'getAuditInclusionProof', summary: 'Prove an entry is in the register' })
  @ApiZodQueryParams(inclusionProofQuerySchema)
  @ApiZodResponse(200, "RFC 9162 inclusion proof of entry `index` in the tree of `treeSize` entries (the latest checkpoint's by default)", inclusionProofSchema)
  @ApiProblemResponses(404, 422)
  inclusion(@Query() query: unknown, @CurrentPrincipal() principal: Principal): Promise<InclusionProofView> {
    const { index, treeSize } = parseRequest(inclusionProofQuerySchema, query, 'query');
    return this.services.request(AuditRequests.inclusionProof, { principal, index, treeSize });
  }

  @Get('proofs/consistency')
  @Roles('auditor')
  @ApiOperation({ operationId: 'getAuditConsistencyProof', summary: 'Prove the register only grew between two sizes' })
  @ApiZodQueryParams(consistencyProofQuerySchema)
  @ApiZodResponse(200, "RFC 9162 consistency proof from the tree of `from` entries to that of `to` (the latest checkpoint's by default)", consistencyProofSchema)
  @ApiProblemResponses(404, 422)
  consistency(@Query() query: unknown, @CurrentPrincipal() principal: Principal): Promise<ConsistencyProofView> {
    const { from, to } = parseRequest(consistencyProofQuerySchema, query, 'query');
    return this.services.request(AuditRequests.consistencyProof, { principal, from, to });
  }

  @Get('verify')
  @Roles('auditor')
  @ApiOperation({ operationId: 'verifyAuditRegister', summary: 'Recompute the register and report the first broken entry' })
  @ApiZodQueryParams(verifyQuerySchema)
  @ApiZodResponse(
    200,
    'Whether the chain, payload digests, tree nodes and checkpoint signatures over seqs [from, to) verify (at most 10,000 entries per call: `checked`)',
    registerVerificationSchema,
  )
  verify(@Query() query: unknown, @CurrentPrincipal() principal: Principal): Promise<RegisterVerification> {
    const { from, to } = parseRequest(verifyQuerySchema, query, 'query');
    return this.services.request(AuditRequests.verify, { principal, from, to });
  }
}
