import { ComplaintClocks, RpcResult, SLA_PATTERNS, getComplaintClocksRequestSchema } from '@complaints/contracts';
import { SERVICE_LOGGER, answerRequest } from '@complaints/runtime';
import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Logger } from 'pino';
import { GetComplaintClocks } from './get-complaint-clocks';

/** sla's request-reply entry points: parse, call one use case, reply with a result value. */
@Controller()
export class ClocksHandlers {
  constructor(
    private readonly getComplaintClocks: GetComplaintClocks,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  @MessagePattern(SLA_PATTERNS.getComplaintClocks)
  clocks(@Payload() payload: unknown): Promise<RpcResult<ComplaintClocks>> {
    return answerRequest(getComplaintClocksRequestSchema, payload, (request) => this.getComplaintClocks.execute(request), this.logger);
  }
}
