import { GetSlaReportRequest, SlaReport, SlaRequests } from '@complaints/contracts';
import { Answers } from '@complaints/messaging';
import { Controller } from '@nestjs/common';
import { GetSlaReport } from './get-sla-report';

/** sla's reports over request-reply. */
@Controller()
export class ReportsHandlers {
  constructor(private readonly getSlaReport: GetSlaReport) {}

  @Answers(SlaRequests.getSlaReport)
  sla(request: GetSlaReportRequest): Promise<SlaReport> {
    return this.getSlaReport.execute(request);
  }
}
