import {
  BusinessTimeView,
  ClockPlanView,
  PolicyRequests,
  policyListSchema,
  PolicySummaryView,
  WhatIfRequests,
  WhatIfResult,
  businessTimeSchema,
  clockPlanSchema,
  whatIfResultSchema,
} from '@complaints/contracts';
import { policyDocumentSchema } from '@complaints/policy';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { Principal } from '../auth/principal';
import { CurrentPrincipal, Roles } from '../auth/roles.decorator';
import { ServiceRequester } from '../intake/service-requester';
import { ApiProblemResponses } from '../openapi/problem-responses';
import { ApiZodBody, ApiZodPathParams, ApiZodResponse } from '../openapi/zod-openapi';
import { parseRequest } from '../problems/parse-request';
import {
  businessTimeDraftBodySchema,
  businessTimePublishedBodySchema,
  parseWhatIfBody,
  policyIdParamSchema,
  policyVersionQuerySchema,
  simulateDraftBodySchema,
  simulatePublishedBodySchema,
  whatIfBodySchema,
} from './policy-bodies';

type PolicyJson = Record<string, unknown>;

/**
 * The policy registry. Documents are validated here, so a malformed one is a 400 listing
 * every field like any other body, and again by intake, which owns the registry.
 */
const policyDocumentResponse = (status: number, description: string) => ApiZodResponse(status, description, policyDocumentSchema);

@Controller('v1/policies')
@UseGuards(ApiKeyGuard)
@ApiTags('policies')
export class PoliciesController {
  constructor(private readonly services: ServiceRequester) {}

  @Get()
  @Roles('admin', 'agent', 'auditor')
  @ApiOperation({ operationId: 'listPolicies', summary: 'List policies and their published versions' })
  @ApiZodResponse(200, 'Every policy with its published versions', policyListSchema)
  async list(@CurrentPrincipal() principal: Principal): Promise<{ items: PolicySummaryView[] }> {
    return this.services.request(PolicyRequests.listPolicies, { principal });
  }

  @Get(':id')
  @Roles('admin', 'agent', 'auditor')
  @ApiOperation({ operationId: 'getPolicy', summary: 'Get a policy document' })
  @ApiZodPathParams(policyIdParamSchema)
  @ApiQuery({ name: 'version', required: false, description: 'a published version; the latest when absent', schema: { type: 'integer', minimum: 1 } })
  @policyDocumentResponse(200, 'The policy document')
  @ApiProblemResponses(404)
  get(@Param() params: unknown, @Query() query: unknown, @CurrentPrincipal() principal: Principal): Promise<PolicyJson> {
    const { id } = parseRequest(policyIdParamSchema, params, 'path');
    const { version } = parseRequest(policyVersionQuerySchema, query, 'query');
    return this.services.request(
      PolicyRequests.getPolicy,
      { principal, policyId: id, version },
    );
  }

  /** 201 for a new version; 200 when the identical document was already published, so a retry is safe. */
  @Post()
  @Roles('admin')
  @ApiOperation({ operationId: 'publishPolicy', summary: 'Publish a policy or a new version of one' })
  @ApiZodBody(policyDocumentSchema)
  @policyDocumentResponse(201, 'Published; `Location` names the version')
  @policyDocumentResponse(200, 'The identical document was already published')
  @ApiProblemResponses(409, 422)
  async publish(
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PolicyJson> {
    const document = parseRequest(policyDocumentSchema, body);
    const result = await this.services.request(
      PolicyRequests.publishPolicy,
      // The document as the client wrote it (valid, hence an object): intake stores exactly that.
      { principal, document: body as PolicyJson },
    );
    response.status(result.outcome === 'published' ? 201 : 200);
    response.location(`/v1/policies/${document.id}?version=${document.version}`);
    return result.policy;
  }

  @Post('simulate')
  @HttpCode(200)
  @Roles('admin', 'agent')
  @ApiOperation({ operationId: 'simulateDraftPolicy', summary: "Compute every clock's deadline under a draft policy" })
  @ApiZodBody(simulateDraftBodySchema)
  @ApiZodResponse(200, "Every clock's deadline under the draft document; nothing is stored", clockPlanSchema)
  @ApiProblemResponses(422)
  simulateDraft(@Body() body: unknown, @CurrentPrincipal() principal: Principal): Promise<ClockPlanView> {
    parseRequest(simulateDraftBodySchema, body);
    const { policy, ...facts } = body as { policy: PolicyJson };
    return this.services.request(
      PolicyRequests.simulatePolicy,
      { principal, subject: { policy }, facts },
    );
  }

  @Post(':id/simulate')
  @HttpCode(200)
  @Roles('admin', 'agent')
  @ApiOperation({ operationId: 'simulatePolicy', summary: "Compute every clock's deadline under a published policy" })
  @ApiZodPathParams(policyIdParamSchema)
  @ApiZodBody(simulatePublishedBodySchema)
  @ApiZodResponse(200, "Every clock's deadline as if the complaint were received then; nothing is stored", clockPlanSchema)
  @ApiProblemResponses(404, 422)
  simulatePublished(
    @Param() params: unknown,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ClockPlanView> {
    const { id } = parseRequest(policyIdParamSchema, params, 'path');
    parseRequest(simulatePublishedBodySchema, body);
    const { version, ...facts } = body as { version?: number };
    return this.services.request(
      PolicyRequests.simulatePolicy,
      { principal, subject: { policyId: id, version }, facts },
    );
  }

  @Post('what-if')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    operationId: 'whatIfPolicy',
    summary: 'Replay past complaints under a draft policy',
    description:
      "For the complaints of the draft's policy received in `[from, to)` (at most 90 days), every clock re-planned from the " +
      'recorded facts under the draft (a whole document, or `{id, version}` of a published one) and set beside what happened: ' +
      'outcomes per metric and the complaints that flip. A page replays up to `limit` complaints (default 2,000, at most ' +
      '100,000) and lists at most 1,000 flips; the counts are those of the page, and `nextCursor` continues. Nothing is stored.',
  })
  @ApiZodBody(whatIfBodySchema)
  @ApiZodResponse(200, "One page of the replay: the page's outcomes per metric and its flips", whatIfResultSchema)
  @ApiProblemResponses(404, 422)
  whatIf(@Body() body: unknown, @CurrentPrincipal() principal: Principal): Promise<WhatIfResult> {
    return this.services.request(WhatIfRequests.replay, { principal, ...parseWhatIfBody(body) });
  }

  @Post('business-time')
  @HttpCode(200)
  @Roles('admin', 'agent')
  @ApiOperation({ operationId: 'measureDraftBusinessTime', summary: 'Measure the business time between two instants under a draft policy' })
  @ApiZodBody(businessTimeDraftBodySchema)
  @ApiZodResponse(200, "The open time of the draft's calendar between the two instants, explained; nothing is stored", businessTimeSchema)
  @ApiProblemResponses(422)
  measureDraft(@Body() body: unknown, @CurrentPrincipal() principal: Principal): Promise<BusinessTimeView> {
    const { from, to } = parseRequest(businessTimeDraftBodySchema, body);
    // The draft as the client wrote it (valid, hence an object): intake checks it again and applies the defaults.
    const { policy } = body as { policy: PolicyJson };
    return this.services.request(PolicyRequests.businessTime, { principal, subject: { policy }, from, to });
  }

  @Post(':id/business-time')
  @HttpCode(200)
  @Roles('admin', 'agent')
  @ApiOperation({ operationId: 'measureBusinessTime', summary: 'Measure the business time between two instants under a published policy' })
  @ApiZodPathParams(policyIdParamSchema)
  @ApiZodBody(businessTimePublishedBodySchema)
  @ApiZodResponse(200, "The open time of the policy's calendar between the two instants, explained", businessTimeSchema)
  @ApiProblemResponses(404, 422)
  measurePublished(
    @Param() params: unknown,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<BusinessTimeView> {
    const { id } = parseRequest(policyIdParamSchema, params, 'path');
    const { from, to, version } = parseRequest(businessTimePublishedBodySchema, body);
    return this.services.request(
      PolicyRequests.businessTime,
      { principal, subject: { policyId: id, version }, from, to },
    );
  }
}
