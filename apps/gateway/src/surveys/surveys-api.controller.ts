import {
  ComplaintSurveys,
  FeedbackRequests,
  SURVEY_STATS_GROUPS,
  SurveyStats,
  complaintSurveysSchema,
  isoInstantSchema,
  policyIdSchema,
  surveyStatsSchema,
} from '@complaints/contracts';
import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { Principal } from '../auth/principal';
import { CurrentPrincipal, Roles } from '../auth/roles.decorator';
import { complaintIdParamSchema } from '../complaints/complaint-queries';
import { ServiceRequester } from '../intake/service-requester';
import { ApiProblemResponses } from '../openapi/problem-responses';
import { ApiZodPathParams, ApiZodQueryParams, ApiZodResponse } from '../openapi/zod-openapi';
import { parseRequest } from '../problems/parse-request';

/** `GET /v1/surveys/stats` query. */
export const surveyStatsQuerySchema = z.strictObject({
  policyId: policyIdSchema,
  from: isoInstantSchema,
  to: isoInstantSchema,
  groupBy: z.enum(SURVEY_STATS_GROUPS).default('day'),
});

/** What satisfaction surveys say, for the people who work complaints; feedback checks the principal itself. */
@Controller('v1')
@UseGuards(ApiKeyGuard)
@ApiTags('surveys')
export class SurveysApiController {
  constructor(private readonly services: ServiceRequester) {}

  @Get('surveys/stats')
  @Roles('agent', 'admin')
  @ApiOperation({ operationId: 'getSurveyStats', summary: "CSAT, response rate and score distribution of a policy's surveys" })
  @ApiZodQueryParams(surveyStatsQuerySchema)
  @ApiZodResponse(
    200,
    'Surveys sent in [from, to) and what became of them, in all and per UTC day, ISO week or month; only the caller organisation’s',
    surveyStatsSchema,
  )
  @ApiProblemResponses(404)
  stats(@Query() query: unknown, @CurrentPrincipal() principal: Principal): Promise<SurveyStats> {
    return this.services.request(FeedbackRequests.getSurveyStats, { principal, ...parseRequest(surveyStatsQuerySchema, query, 'query') });
  }

  @Get('complaints/:id/surveys')
  @Roles('agent', 'admin', 'auditor')
  @ApiOperation({ operationId: 'listComplaintSurveys', summary: "A complaint's satisfaction surveys and their answers" })
  @ApiZodPathParams(complaintIdParamSchema)
  @ApiZodResponse(200, 'Every survey sent about the complaint, oldest first; the comment for agents and admins only', complaintSurveysSchema)
  @ApiProblemResponses(404)
  ofComplaint(@Param() params: unknown, @CurrentPrincipal() principal: Principal): Promise<ComplaintSurveys> {
    const { id } = parseRequest(complaintIdParamSchema, params, 'path');
    return this.services.request(FeedbackRequests.listComplaintSurveys, { principal, complaintId: id });
  }
}
