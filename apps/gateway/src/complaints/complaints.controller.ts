import {
  ComplaintPage,
  ComplaintTimeline,
  ComplaintView,
  IntakeRequests,
  LIFECYCLE_ROUTES,
  LifecycleCommandMessage,
  LifecycleRouteSegment,
  complaintPageSchema,
  complaintTimelineSchema,
  complaintViewSchema,
  createComplaintBodySchema,
  submittedComplaintSchema,
  SubmittedComplaint,
} from '@complaints/contracts';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { Principal, actorOf } from '../auth/principal';
import { CurrentPrincipal, Roles } from '../auth/roles.decorator';
import { IDEMPOTENCY_KEY_HEADER, parseIdempotencyKey } from '../http/idempotency-key';
import { ServiceRequester } from '../intake/service-requester';
import { ApiProblemResponses } from '../openapi/problem-responses';
import { ApiZodBody, ApiZodPathParams, ApiZodResponse } from '../openapi/zod-openapi';
import { ProblemError } from '../problems/problem-error';
import { parseRequest } from '../problems/parse-request';
import { complaintIdParamSchema, lifecycleParamSchema, listComplaintsQuerySchema } from './complaint-queries';

const idempotencyKeyDoc = (required: boolean) =>
  ApiHeader({
    name: IDEMPOTENCY_KEY_HEADER,
    required,
    description: 'A unique key per intended change (e.g. a UUID): a retry with the same key and body returns the first result',
  });

@Controller('v1/complaints')
@UseGuards(ApiKeyGuard)
@ApiTags('complaints')
export class ComplaintsController {
  constructor(private readonly services: ServiceRequester) {}

  @Post()
  @HttpCode(201)
  @Roles('submitter', 'agent')
  @idempotencyKeyDoc(true)
  @ApiZodBody(createComplaintBodySchema)
  @ApiZodResponse(
    201,
    'The complaint as received, with the deadlines it starts with (`sla`); `Location` is its URL',
    submittedComplaintSchema,
  )
  @ApiProblemResponses(409, 422)
  async submit(
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyHeader: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SubmittedComplaint> {
    const parsed = parseRequest(createComplaintBodySchema, body);
    const idempotencyKey = parseIdempotencyKey(idempotencyHeader, true);
    if (parsed.receivedAt !== undefined && principal.role !== 'agent') {
      throw new ProblemError(403, 'forbidden', 'Forbidden', 'only agents may back-date a complaint', [
        { field: 'receivedAt', message: 'may be set by agents only' },
      ]);
    }
    const complaint = await this.services.request(
      IntakeRequests.submitComplaint,
      {
        actor: actorOf(principal),
        receivedAt: new Date().toISOString(),
        idempotencyKey,
        includeContact: principal.role === 'agent',
        body: parsed,
      },
    );
    response.location(`/v1/complaints/${complaint.id}`);
    return complaint;
  }

  @Get()
  @Roles('agent')
  @ApiZodResponse(200, 'One page of complaints, newest first; pass `nextCursor` as `cursor` for the next', complaintPageSchema)
  list(@Query() query: unknown, @CurrentPrincipal() principal: Principal): Promise<ComplaintPage> {
    const { cursor, limit, ...filter } = parseRequest(listComplaintsQuerySchema, query, 'query');
    return this.services.request(
      IntakeRequests.listComplaints,
      { actor: actorOf(principal), filter, cursor, limit },
    );
  }

  @Get(':id')
  @Roles('submitter', 'agent')
  @ApiZodPathParams(complaintIdParamSchema)
  @ApiZodResponse(200, 'The complaint; contact data for agents only', complaintViewSchema)
  @ApiProblemResponses(404)
  get(@Param() params: unknown, @CurrentPrincipal() principal: Principal): Promise<ComplaintView> {
    const { id } = parseRequest(complaintIdParamSchema, params, 'path');
    return this.services.request(
      IntakeRequests.getComplaint,
      { actor: actorOf(principal), complaintId: id, restrictToSubmitter: principal.role === 'submitter' },
    );
  }

  @Get(':id/timeline')
  @Roles('agent')
  @ApiZodPathParams(complaintIdParamSchema)
  @ApiZodResponse(200, 'Every event on the complaint, oldest first', complaintTimelineSchema)
  @ApiProblemResponses(404)
  timeline(@Param() params: unknown, @CurrentPrincipal() principal: Principal): Promise<ComplaintTimeline> {
    const { id } = parseRequest(complaintIdParamSchema, params, 'path');
    return this.services.request(
      IntakeRequests.getComplaintTimeline,
      { actor: actorOf(principal), complaintId: id },
    );
  }

  /**
   * The lifecycle commands (`acknowledge`, `responses`, `request-info`, … see
   * LIFECYCLE_ROUTES): each validates its own body; an illegal transition is a 409 naming the
   * current status.
   */
  @Post(':id/:action')
  @HttpCode(200)
  @Roles('agent')
  @idempotencyKeyDoc(false)
  @ApiZodPathParams(lifecycleParamSchema)
  @ApiZodResponse(200, 'The complaint after the command', complaintViewSchema)
  @ApiProblemResponses(404, 409, 422)
  async command(
    @Param() params: unknown,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyHeader: string | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ComplaintView> {
    const { id, action } = parseRequest(lifecycleParamSchema, params, 'path');
    if (!Object.hasOwn(LIFECYCLE_ROUTES, action)) {
      throw new ProblemError(404, 'not-found', 'Not found', `there is no complaint command "${action}"`, [
        { field: 'action', message: `must be one of ${Object.keys(LIFECYCLE_ROUTES).join(', ')}` },
      ]);
    }
    const route = LIFECYCLE_ROUTES[action as LifecycleRouteSegment];
    const commandBody: unknown = parseRequest(route.body, body ?? {});
    return this.services.request(
      IntakeRequests.applyLifecycleCommand,
      {
        actor: actorOf(principal),
        complaintId: id,
        restrictToSubmitter: false,
        idempotencyKey: parseIdempotencyKey(idempotencyHeader, false),
        requestedAt: new Date().toISOString(),
        // The route table pairs each command with the body schema it was parsed with.
        command: { type: route.command, body: commandBody } as LifecycleCommandMessage,
      },
    );
  }
}
