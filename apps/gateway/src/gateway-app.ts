import { SERVICE_LOGGER, bootstrapService } from '@complaints/runtime';
import { Telemetry } from '@complaints/telemetry';
import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'pino';
import { AppModule } from './app.module';
import { GatewayConfig } from './gateway-config';
import { corsOptions } from './http/cors-options';
import { JSON_MEDIA_TYPES, requireJsonBody } from './http/json-content-type';
import { logRefusalsBeforeRouting } from './http/refusal-log';
import { assignRequestId } from './http/request-id';
import { securityHeaders } from './http/security-headers';
import { serveOpenApi } from './openapi/openapi-document';
import { bodyParserProblems } from './problems/body-parser-problems';
import { readSurveyForm, surveyPageHeaders, surveyRateLimit } from './surveys/survey-http';
import { SurveyRateLimiter } from './surveys/survey-rate-limiter';

/** The largest request body the API accepts; complaint texts are far smaller. */
export const BODY_LIMIT_BYTES = 64 * 1024;

export function startGateway(config: GatewayConfig, telemetry: Telemetry): Promise<INestApplication> {
  return bootstrapService(AppModule.forRoot(config, telemetry), config, telemetry, {
    bodyParser: false,
    // Middleware runs in this order, before NestJS routing: the request id first, so that
    // every answer after it (CORS refusals, 415, 413, bad JSON) carries it and is logged.
    configure: (app) => {
      const express = app as NestExpressApplication;
      express.disable('x-powered-by');
      express.use(assignRequestId);
      express.use(logRefusalsBeforeRouting(app.get<Logger>(SERVICE_LOGGER)));
      express.use(securityHeaders);
      if (config.corsOrigins.length > 0) express.enableCors(corsOptions(config.corsOrigins));
      // The public survey pages: their own limit per client, their own browser policy, and a form body instead of JSON.
      const surveyLimiter = new SurveyRateLimiter(config.surveyRateLimitPerMinute, 60_000);
      express.use(['/surveys', '/assets'], surveyRateLimit(surveyLimiter), surveyPageHeaders);
      express.use('/surveys', readSurveyForm);
      express.use(requireJsonBody);
      express.useBodyParser('json', { limit: BODY_LIMIT_BYTES, type: JSON_MEDIA_TYPES });
      express.use(bodyParserProblems);
      serveOpenApi(express);
    },
  });
}
