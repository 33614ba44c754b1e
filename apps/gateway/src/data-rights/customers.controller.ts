import {
  CustomerData,
  customerDataQuerySchema,
  customerDataSchema,
  DataRightsRequests,
  FeedbackRequests,
  NotificationRequests,
  eraseCustomerBodySchema,
  ErasureReport,
  erasureReportSchema,
} from '@complaints/contracts';
import { Body, Controller, Get, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { Principal } from '../auth/principal';
import { CurrentPrincipal, Roles } from '../auth/roles.decorator';
import { ServiceRequester } from '../intake/service-requester';
import { ApiProblemResponses } from '../openapi/problem-responses';
import { ApiZodBody, ApiZodQueryParams, ApiZodResponse } from '../openapi/zod-openapi';
import { parseRequest } from '../problems/parse-request';

/** A customer's data rights, exercised by an admin of the organisation that holds their complaints. */
@Controller('v1/customers')
@UseGuards(ApiKeyGuard)
@ApiTags('data rights')
export class CustomersController {
  constructor(private readonly services: ServiceRequester) {}

  @Get('data')
  @Roles('admin')
  @ApiOperation({
    operationId: 'exportCustomerData',
    summary:
      "Export everything held about one customer: their complaints, contact data and the agents' notes (decrypted), the messages sent to them and their survey answers",
  })
  @ApiZodQueryParams(customerDataQuerySchema)
  @ApiZodResponse(
    200,
    "The customer's complaints in the caller's organisation, each with the messages sent and the survey answers given; each export is recorded in the register",
    customerDataSchema,
  )
  @ApiProblemResponses(422)
  async export(@Query() query: unknown, @CurrentPrincipal() principal: Principal): Promise<CustomerData> {
    const { email } = parseRequest(customerDataQuerySchema, query, 'query');
    const held = await this.services.request(DataRightsRequests.exportCustomerData, { principal, email, requestedAt: new Date().toISOString() });
    // Each service answers for what it holds, checking the principal itself.
    const complaints = await Promise.all(
      held.complaints.map(async (entry) => {
        const complaintId = entry.complaint.id;
        const [messages, surveys] = await Promise.all([
          this.services.request(NotificationRequests.listNotifications, { principal, complaintId }),
          this.services.request(FeedbackRequests.listComplaintSurveys, { principal, complaintId }),
        ]);
        return { ...entry, messages: messages.items, surveys: surveys.surveys };
      }),
    );
    return { ...held, complaints };
  }

  @Post('erase')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    operationId: 'eraseCustomerData',
    summary: "Erase a customer's personal data (every complaint of theirs by email, or one complaint) by destroying its data keys",
  })
  @ApiZodBody(eraseCustomerBodySchema)
  @ApiZodResponse(200, 'Which complaints were erased, which a legal hold kept, which were erased before', erasureReportSchema)
  @ApiProblemResponses(404, 422)
  erase(@Body() body: unknown, @CurrentPrincipal() principal: Principal): Promise<ErasureReport> {
    const target = parseRequest(eraseCustomerBodySchema, body);
    return this.services.request(DataRightsRequests.erasePersonalData, { principal, target, requestedAt: new Date().toISOString() });
  }
}
