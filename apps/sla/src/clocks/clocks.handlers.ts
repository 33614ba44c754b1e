import { ComplaintClocks, GetComplaintClocksRequest, SlaRequests } from '@complaints/contracts';
import { Answers } from '@complaints/messaging';
import { Controller } from '@nestjs/common';
import { GetComplaintClocks } from './get-complaint-clocks';

/** sla's request-reply entry points: each calls one use case. */
@Controller()
export class ClocksHandlers {
  constructor(private readonly getComplaintClocks: GetComplaintClocks) {}

  @Answers(SlaRequests.getComplaintClocks)
  clocks(request: GetComplaintClocksRequest): Promise<ComplaintClocks> {
    return this.getComplaintClocks.execute(request);
  }
}
