import {
  SLA_REPORT_GROUPS,
  SlaReport,
  SlaRequests,
  getSlaReportRequestSchema,
  slaReportSchema,
} from '@complaints/contracts';
import { Controller, Get, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { Principal } from '../auth/principal';
import { CurrentPrincipal, Roles } from '../auth/roles.decorator';
import { ServiceRequester } from '../intake/service-requester';
import { ApiProblemResponses } from '../openapi/problem-responses';
import { ApiZodQueryParams, openApiSchema } from '../openapi/zod-openapi';
import { parseRequest } from '../problems/parse-request';
import { SLA_REPORT_CSV_HEADER, slaReportCsv } from './sla-report-csv';

/** `GET /v1/reports/sla` query: the request sla answers, but for the principal, by day unless said. */
export const slaReportQuerySchema = getSlaReportRequestSchema
  .omit({ principal: true })
  .extend({ groupBy: z.enum(SLA_REPORT_GROUPS).default('day') });

/** How a policy's promises fared, for the people who run complaints; sla checks the principal itself. */
@Controller('v1/reports')
@UseGuards(ApiKeyGuard)
@ApiTags('reports')
export class SlaReportController {
  constructor(private readonly services: ServiceRequester) {}

  @Get('sla')
  @Roles('agent', 'admin')
  @ApiOperation({
    operationId: 'getSlaReport',
    summary: "Attainment of a policy's clocks in its business time, per period",
  })
  @ApiZodQueryParams(slaReportQuerySchema)
  @ApiProduces('application/json', 'text/csv')
  @ApiResponse({
    status: 200,
    description:
      "Per clock metric, the clocks that started in [from, to) and what became of them, in all and per day, ISO week or month of the policy's time zone; only the caller organisation's policies. `Accept: text/csv` gives the same figures as CSV: a row per metric and period, and one per metric with `period` = `total`",
    content: {
      'application/json': { schema: openApiSchema(slaReportSchema, 'output') },
      'text/csv': { schema: { type: 'string', example: `${SLA_REPORT_CSV_HEADER}\r\n` } },
    },
  })
  @ApiProblemResponses(404, 422)
  async report(
    @Query() query: unknown,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SlaReport | string> {
    const parsed = parseRequest(slaReportQuerySchema, query, 'query');
    const report = await this.services.request(SlaRequests.getSlaReport, { principal, ...parsed });
    if (request.accepts(['application/json', 'text/csv']) !== 'text/csv') return report;
    response.type('text/csv; charset=utf-8');
    return slaReportCsv(report);
  }
}
