import { randomUUID } from 'node:crypto';
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
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { Principal } from '../auth/principal';
import { CurrentPrincipal, Roles } from '../auth/roles.decorator';
import { IDEMPOTENCY_KEY_HEADER, parseIdempotencyKey } from '../http/idempotency-key';
import { ServiceRequester } from '../intake/service-requester';
import { ApiIdempotencyKeyHeader } from '../openapi/idempotency-key-header';
import { ApiProblemResponses } from '../openapi/problem-responses';
import { ApiZodBody, ApiZodPathParams, ApiZodResponse } from '../openapi/zod-openapi';
import { ProblemError } from '../problems/problem-error';
import { parseRequest } from '../problems/parse-request';
import { complaintIdParamSchema, listComplaintsQuerySchema } from './complaint-queries';
import { LifecycleCommandHandler, LifecycleCommandRoutes } from './lifecycle-command-routes';

const BACK_DATING_FIELDS = ['receivedAt', 'firstContactAt'] as const;

@Controller('v1/complaints')
@UseGuards(ApiKeyGuard)
@ApiTags('complaints')
@LifecycleCommandRoutes()
export class ComplaintsController implements LifecycleCommandHandler {
  constructor(private readonly services: ServiceRequester) {}

  @Post()
  @HttpCode(201)
  @Roles('submitter', 'agent')
  @ApiOperation({ operationId: 'submitComplaint', summary: 'Submit a complaint' })
  @ApiIdempotencyKeyHeader({ required: true })
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
    // Both instants start clocks in the past: only an agent, who took the complaint, may say when.
    const backDated = BACK_DATING_FIELDS.filter((field) => parsed[field] !== undefined);
    if (backDated.length > 0 && principal.role !== 'agent') {
      throw new ProblemError(
        403,
        'forbidden',
        'Forbidden',
        'only agents may back-date a complaint',
        backDated.map((field) => ({ field, message: 'may be set by agents only' })),
      );
    }
    const complaint = await this.services.request(
      IntakeRequests.submitComplaint,
      {
        principal,
        receivedAt: new Date().toISOString(),
        idempotencyKey,
        body: parsed,
      },
    );
    response.location(`/v1/complaints/${complaint.id}`);
    return complaint;
  }

  @Get()
  @Roles('agent')
  @ApiOperation({ operationId: 'listComplaints', summary: 'List complaints, newest first' })
  @ApiZodResponse(200, 'One page of complaints, newest first; pass `nextCursor` as `cursor` for the next', complaintPageSchema)
  list(@Query() query: unknown, @CurrentPrincipal() principal: Principal): Promise<ComplaintPage> {
    const { cursor, limit, ...filter } = parseRequest(listComplaintsQuerySchema, query, 'query');
    return this.services.request(
      IntakeRequests.listComplaints,
      { principal, filter, cursor, limit },
    );
  }

  @Get(':id')
  @Roles('submitter', 'agent')
  @ApiOperation({ operationId: 'getComplaint', summary: 'Get a complaint' })
  @ApiZodPathParams(complaintIdParamSchema)
  @ApiZodResponse(200, 'The complaint; contact data for agents only', complaintViewSchema)
  @ApiProblemResponses(404)
  get(@Param() params: unknown, @CurrentPrincipal() principal: Principal): Promise<ComplaintView> {
    const { id } = parseRequest(complaintIdParamSchema, params, 'path');
    return this.services.request(
      IntakeRequests.getComplaint,
      { principal, complaintId: id },
    );
  }

  @Get(':id/timeline')
  @Roles('agent')
  @ApiOperation({ operationId: 'getComplaintTimeline', summary: "Get a complaint's timeline of events" })
  @ApiZodPathParams(complaintIdParamSchema)
  @ApiZodResponse(200, 'Every event on the complaint, oldest first', complaintTimelineSchema)
  @ApiProblemResponses(404)
  timeline(@Param() params: unknown, @CurrentPrincipal() principal: Principal): Promise<ComplaintTimeline> {
    const { id } = parseRequest(complaintIdParamSchema, params, 'path');
    return this.services.request(
      IntakeRequests.getComplaintTimeline,
      { principal, complaintId: id },
    );
  }

  /**
   * One lifecycle command (`acknowledge`, `responses`, `request-info`, … see LIFECYCLE_ROUTES),
   * called by its own route (LifecycleCommandRoutes): each validates its own body; an illegal
   * transition is a 409 naming the current status.
   */
  async command(
    segment: LifecycleRouteSegment,
    params: unknown,
    body: unknown,
    idempotencyHeader: string | undefined,
    principal: Principal,
  ): Promise<ComplaintView> {
    const { id } = parseRequest(complaintIdParamSchema, params, 'path');
    const route = LIFECYCLE_ROUTES[segment];
    const commandBody: unknown = parseRequest(route.body, body ?? {});
    // Every command runs under a key: the client's, or one made here and handed back should
    // the answer not come in time, so that the retry it is told to make applies nothing twice.
    const idempotencyKey = parseIdempotencyKey(idempotencyHeader, false) ?? randomUUID();
    return withKeyToRetry(idempotencyKey, () =>
      this.services.request(IntakeRequests.applyLifecycleCommand, {
        principal,
        complaintId: id,
        idempotencyKey,
        requestedAt: new Date().toISOString(),
        // The route table pairs each command with the body schema it was parsed with.
        command: { type: route.command, body: commandBody } as LifecycleCommandMessage,
      }),
    );
  }
}

/**
 * A command whose answer did not come may still commit after the gateway gave up: the 503
 * names the key it ran under, and a retry with that key returns the first outcome rather than
 * applying the command again (an `escalate` would otherwise climb two levels).
 */
async function withKeyToRetry<T>(idempotencyKey: string, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (!(error instanceof ProblemError) || error.status !== 503) throw error;
    throw new ProblemError(
      error.status,
      error.slug,
      error.title,
      `${error.detail}; the command may still be applied: retry with ${IDEMPOTENCY_KEY_HEADER}: ${idempotencyKey}, which applies it at most once`,
      error.errors,
      { ...error.headers, [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
    );
  }
}
