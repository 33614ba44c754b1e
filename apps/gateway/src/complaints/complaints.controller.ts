import {
  ComplaintView,
  INTAKE_PATTERNS,
  getComplaintReplySchema,
  submitComplaintBodySchema,
  submitComplaintReplySchema,
} from '@complaints/contracts';
import { Body, Controller, Get, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { Principal } from '../auth/principal';
import { CurrentPrincipal, Roles } from '../auth/roles.decorator';
import { ServiceRequester } from '../intake/service-requester';
import { parseRequest } from '../problems/parse-request';

const complaintIdParam = z.object({ id: z.uuid({ error: 'must be a complaint id (UUID)' }) });

@Controller('v1/complaints')
@UseGuards(ApiKeyGuard)
export class ComplaintsController {
  constructor(private readonly services: ServiceRequester) {}

  @Post()
  @HttpCode(201)
  @Roles('submitter', 'agent')
  async submit(
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ComplaintView> {
    const parsed = parseRequest(submitComplaintBodySchema, body);
    const complaint = await this.services.request(
      INTAKE_PATTERNS.submitComplaint,
      { actor: { kind: 'client', id: principal.name }, receivedAt: new Date().toISOString(), body: parsed },
      submitComplaintReplySchema,
    );
    response.location(`/v1/complaints/${complaint.id}`);
    return complaint;
  }

  @Get(':id')
  @Roles('submitter', 'agent')
  get(@Param() params: unknown, @CurrentPrincipal() principal: Principal): Promise<ComplaintView> {
    const { id } = parseRequest(complaintIdParam, params, 'path');
    return this.services.request(
      INTAKE_PATTERNS.getComplaint,
      { actor: { kind: 'client', id: principal.name }, complaintId: id, restrictToSubmitter: principal.role === 'submitter' },
      getComplaintReplySchema,
    );
  }
}
