import { ComplaintClocks, SlaRequests, complaintClocksSchema } from '@complaints/contracts';
import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { Principal } from '../auth/principal';
import { CurrentPrincipal, Roles } from '../auth/roles.decorator';
import { complaintIdParamSchema } from '../complaints/complaint-queries';
import { ServiceRequester } from '../intake/service-requester';
import { ApiProblemResponses } from '../openapi/problem-responses';
import { ApiZodPathParams, ApiZodResponse } from '../openapi/zod-openapi';
import { parseRequest } from '../problems/parse-request';

/** A complaint's SLA clocks, as the sla service times them. */
@Controller('v1/complaints')
@UseGuards(ApiKeyGuard)
@ApiTags('complaints')
export class ComplaintSlaController {
  constructor(private readonly services: ServiceRequester) {}

  @Get(':id/sla')
  @Roles('agent')
  @ApiOperation({ operationId: 'getComplaintSla', summary: "Get a complaint's SLA clocks and deadlines" })
  @ApiZodPathParams(complaintIdParamSchema)
  @ApiZodResponse(
    200,
    "Every clock of the complaint: its status, deadline, warning, when it was met or breached, and how its deadline was computed; instants in the policy's time zone",
    complaintClocksSchema,
  )
  @ApiProblemResponses(404)
  clocks(@Param() params: unknown, @CurrentPrincipal() principal: Principal): Promise<ComplaintClocks> {
    const { id } = parseRequest(complaintIdParamSchema, params, 'path');
    return this.services.request(SlaRequests.getComplaintClocks, { principal, complaintId: id });
  }
}
