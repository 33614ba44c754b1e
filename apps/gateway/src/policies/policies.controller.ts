import {
  ClockPlanView,
  POLICY_PATTERNS,
  PolicySummaryView,
  getPolicyReplySchema,
  listPoliciesReplySchema,
  publishPolicyReplySchema,
  simulatePolicyReplySchema,
} from '@complaints/contracts';
import { policyDocumentSchema } from '@complaints/policy';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { Principal, actorOf } from '../auth/principal';
import { CurrentPrincipal, Roles } from '../auth/roles.decorator';
import { ServiceRequester } from '../intake/service-requester';
import { parseRequest } from '../problems/parse-request';
import {
  policyIdParamSchema,
  policyVersionQuerySchema,
  simulateDraftBodySchema,
  simulatePublishedBodySchema,
} from './policy-bodies';

type PolicyJson = Record<string, unknown>;

/**
 * The policy registry. Documents are validated here, so a malformed one is a 400 listing
 * every field like any other body, and again by intake, which owns the registry.
 */
@Controller('v1/policies')
@UseGuards(ApiKeyGuard)
export class PoliciesController {
  constructor(private readonly services: ServiceRequester) {}

  @Get()
  @Roles('admin', 'agent', 'auditor')
  async list(@CurrentPrincipal() principal: Principal): Promise<{ items: PolicySummaryView[] }> {
    return this.services.request(POLICY_PATTERNS.list, { actor: actorOf(principal) }, listPoliciesReplySchema);
  }

  @Get(':id')
  @Roles('admin', 'agent', 'auditor')
  get(@Param() params: unknown, @Query() query: unknown, @CurrentPrincipal() principal: Principal): Promise<PolicyJson> {
    const { id } = parseRequest(policyIdParamSchema, params, 'path');
    const { version } = parseRequest(policyVersionQuerySchema, query, 'query');
    return this.services.request(
      POLICY_PATTERNS.get,
      { actor: actorOf(principal), policyId: id, version },
      getPolicyReplySchema,
    );
  }

  /** 201 for a new version; 200 when the identical document was already published, so a retry is safe. */
  @Post()
  @Roles('admin')
  async publish(
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PolicyJson> {
    const document = parseRequest(policyDocumentSchema, body);
    const result = await this.services.request(
      POLICY_PATTERNS.publish,
      { actor: actorOf(principal), document: body },
      publishPolicyReplySchema,
    );
    response.status(result.outcome === 'published' ? 201 : 200);
    response.location(`/v1/policies/${document.id}?version=${document.version}`);
    return result.policy;
  }

  @Post('simulate')
  @HttpCode(200)
  @Roles('admin', 'agent')
  simulateDraft(@Body() body: unknown, @CurrentPrincipal() principal: Principal): Promise<ClockPlanView> {
    parseRequest(simulateDraftBodySchema, body);
    const { policy, ...facts } = body as { policy: PolicyJson };
    return this.services.request(
      POLICY_PATTERNS.simulate,
      { actor: actorOf(principal), subject: { policy }, facts },
      simulatePolicyReplySchema,
    );
  }

  @Post(':id/simulate')
  @HttpCode(200)
  @Roles('admin', 'agent')
  simulatePublished(
    @Param() params: unknown,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ClockPlanView> {
    const { id } = parseRequest(policyIdParamSchema, params, 'path');
    parseRequest(simulatePublishedBodySchema, body);
    const { version, ...facts } = body as { version?: number };
    return this.services.request(
      POLICY_PATTERNS.simulate,
      { actor: actorOf(principal), subject: { policyId: id, version }, facts },
      simulatePolicyReplySchema,
    );
  }
}
