import { bootstrapService } from '@complaints/runtime';
import { Telemetry } from '@complaints/telemetry';
import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { GatewayConfig } from './gateway-config';
import { bodyParserProblems } from './problems/body-parser-problems';

/** The largest request body the API accepts; complaint texts are far smaller. */
export const BODY_LIMIT_BYTES = 64 * 1024;

export function startGateway(config: GatewayConfig, telemetry: Telemetry): Promise<INestApplication> {
  return bootstrapService(AppModule.forRoot(config, telemetry), config, telemetry, {
    bodyParser: false,
    configure: (app) => {
      const express = app as NestExpressApplication;
      express.disable('x-powered-by');
      express.useBodyParser('json', { limit: BODY_LIMIT_BYTES, type: ['application/json', 'application/*+json'] });
      express.use(bodyParserProblems);
    },
  });
}
