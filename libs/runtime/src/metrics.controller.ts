import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { Telemetry } from '@complaints/telemetry';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TELEMETRY } from './tokens';

/** Prometheus scrape endpoint, fed by the OpenTelemetry meter provider. */
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(TELEMETRY) private readonly telemetry: Telemetry) {}

  @Get()
  scrape(@Req() request: IncomingMessage, @Res() response: ServerResponse): void {
    this.telemetry.prometheus.getMetricsRequestHandler(request, response);
  }
}
