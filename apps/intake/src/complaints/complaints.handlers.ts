import {
  ComplaintPage,
  ComplaintTimeline,
  ComplaintView,
  SubmittedComplaint,
  INTAKE_PATTERNS,
  RpcResult,
  getComplaintRequestSchema,
  getComplaintTimelineRequestSchema,
  lifecycleCommandRequestSchema,
  listComplaintsRequestSchema,
  submitComplaintRequestSchema,
} from '@complaints/contracts';
import { SERVICE_LOGGER, answerRequest } from '@complaints/runtime';
import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Logger } from 'pino';
import { ApplyLifecycleCommand } from './apply-lifecycle-command';
import { GetComplaint } from './get-complaint';
import { GetComplaintTimeline } from './get-complaint-timeline';
import { ListComplaints } from './list-complaints';
import { SubmitComplaint } from './submit-complaint';

/** Intake's request-reply entry points: parse, call one use case, reply with a result value. */
@Controller()
export class ComplaintsHandlers {
  constructor(
    private readonly submitComplaint: SubmitComplaint,
    private readonly getComplaint: GetComplaint,
    private readonly applyLifecycleCommand: ApplyLifecycleCommand,
    private readonly listComplaints: ListComplaints,
    private readonly getComplaintTimeline: GetComplaintTimeline,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  @MessagePattern(INTAKE_PATTERNS.submitComplaint)
  submit(@Payload() payload: unknown): Promise<RpcResult<SubmittedComplaint>> {
    return answerRequest(submitComplaintRequestSchema, payload, (request) => this.submitComplaint.execute(request), this.logger);
  }

  @MessagePattern(INTAKE_PATTERNS.getComplaint)
  get(@Payload() payload: unknown): Promise<RpcResult<ComplaintView>> {
    return answerRequest(getComplaintRequestSchema, payload, (request) => this.getComplaint.execute(request), this.logger);
  }

  @MessagePattern(INTAKE_PATTERNS.applyLifecycleCommand)
  command(@Payload() payload: unknown): Promise<RpcResult<ComplaintView>> {
    return answerRequest(lifecycleCommandRequestSchema, payload, (request) => this.applyLifecycleCommand.execute(request), this.logger);
  }

  @MessagePattern(INTAKE_PATTERNS.listComplaints)
  list(@Payload() payload: unknown): Promise<RpcResult<ComplaintPage>> {
    return answerRequest(listComplaintsRequestSchema, payload, (request) => this.listComplaints.execute(request), this.logger);
  }

  @MessagePattern(INTAKE_PATTERNS.getComplaintTimeline)
  timeline(@Payload() payload: unknown): Promise<RpcResult<ComplaintTimeline>> {
    return answerRequest(getComplaintTimelineRequestSchema, payload, (request) => this.getComplaintTimeline.execute(request), this.logger);
  }
}
