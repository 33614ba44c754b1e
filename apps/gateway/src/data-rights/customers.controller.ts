import {
  CustomerDataExport,
  customerDataExportSchema,
  customerDataQuerySchema,
  DataRightsRequests,
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
    summary: "Export everything held about one customer (their complaints, contact data and the agents' notes), decrypted",
  })
  @ApiZodQueryParams(customerDataQuerySchema)
  @ApiZodResponse(200, "The customer's complaints in the caller's organisation; each export is recorded in the register", customerDataExportSchema)
  @ApiProblemResponses(422)
  export(@Query() query: unknown, @CurrentPrincipal() principal: Principal): Promise<CustomerDataExport> {
    const { email } = parseRequest(customerDataQuerySchema, query, 'query');
    return this.services.request(DataRightsRequests.exportCustomerData, { principal, email, requestedAt: new Date().toISOString() });
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
