import { ComplaintView, complaintViewSchema, DataRightsRequests, legalHoldBodySchema } from '@complaints/contracts';
import { Body, Controller, Delete, Param, Put, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { Principal } from '../auth/principal';
import { CurrentPrincipal, Roles } from '../auth/roles.decorator';
import { complaintIdParamSchema } from '../complaints/complaint-queries';
import { ServiceRequester } from '../intake/service-requester';
import { ApiProblemResponses } from '../openapi/problem-responses';
import { ApiZodBody, ApiZodPathParams, ApiZodResponse } from '../openapi/zod-openapi';
import { parseRequest } from '../problems/parse-request';

/** A legal hold keeps a complaint's personal data from every erasure, requested or by retention. */
@Controller('v1/complaints')
@UseGuards(ApiKeyGuard)
@ApiTags('data rights')
export class LegalHoldController {
  constructor(private readonly services: ServiceRequester) {}

  @Put(':id/legal-hold')
  @Roles('admin')
  @ApiOperation({ operationId: 'placeLegalHold', summary: 'Place a legal hold on a complaint' })
  @ApiZodPathParams(complaintIdParamSchema)
  @ApiZodBody(legalHoldBodySchema)
  @ApiZodResponse(200, 'The complaint, with `legalHoldSince`', complaintViewSchema)
  @ApiProblemResponses(404, 409, 422)
  place(@Param() params: unknown, @Body() body: unknown, @CurrentPrincipal() principal: Principal): Promise<ComplaintView> {
    const { id } = parseRequest(complaintIdParamSchema, params, 'path');
    const hold = parseRequest(legalHoldBodySchema, body ?? {});
    return this.services.request(DataRightsRequests.setLegalHold, { principal, complaintId: id, hold, requestedAt: new Date().toISOString() });
  }

  @Delete(':id/legal-hold')
  @Roles('admin')
  @ApiOperation({ operationId: 'releaseLegalHold', summary: "Release a complaint's legal hold" })
  @ApiZodPathParams(complaintIdParamSchema)
  @ApiZodResponse(200, 'The complaint, without a legal hold', complaintViewSchema)
  @ApiProblemResponses(404, 409)
  release(@Param() params: unknown, @CurrentPrincipal() principal: Principal): Promise<ComplaintView> {
    const { id } = parseRequest(complaintIdParamSchema, params, 'path');
    return this.services.request(DataRightsRequests.setLegalHold, {
      principal,
      complaintId: id,
      hold: null,
      requestedAt: new Date().toISOString(),
    });
  }
}
