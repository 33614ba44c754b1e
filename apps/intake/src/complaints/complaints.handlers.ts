import {
  ComplaintView,
  INTAKE_PATTERNS,
  RpcResult,
  getComplaintRequestSchema,
  submitComplaintRequestSchema,
} from '@complaints/contracts';
import { SERVICE_LOGGER, answerRequest } from '@complaints/runtime';
import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Logger } from 'pino';
import { GetComplaint } from './get-complaint';
import { SubmitComplaint } from './submit-complaint';

/** Intake's request-reply entry points: parse, call one use case, reply with a result value. */
@Controller()
export class ComplaintsHandlers {
  constructor(
    private readonly submitComplaint: SubmitComplaint,
    private readonly getComplaint: GetComplaint,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  @MessagePattern(INTAKE_PATTERNS.submitComplaint)
  submit(@Payload() payload: unknown): Promise<RpcResult<ComplaintView>> {
    return answerRequest(submitComplaintRequestSchema, payload, (request) => this.submitComplaint.execute(request), this.logger);
  }

  @MessagePattern(INTAKE_PATTERNS.getComplaint)
  get(@Payload() payload: unknown): Promise<RpcResult<ComplaintView>> {
    return answerRequest(getComplaintRequestSchema, payload, (request) => this.getComplaint.execute(request), this.logger);
  }
}
