import { ServiceCoreModule } from '@complaints/runtime';
import { Telemetry } from '@complaints/telemetry';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { DeadLetterAdministration } from './admin/dead-letter-administration';
import { DeadLettersController } from './admin/dead-letters.controller';
import { AuditExportController } from './audit/audit-export.controller';
import { AuditController } from './audit/audit.controller';
import { ComplaintsController } from './complaints/complaints.controller';
import { UnknownCommandController } from './complaints/unknown-command.controller';
import { CustomersController } from './data-rights/customers.controller';
import { LegalHoldController } from './data-rights/legal-hold.controller';
import { GatewayConfig } from './gateway-config';
import { ServiceRequester } from './intake/service-requester';
import { ComplaintNotificationsController } from './notifications/complaint-notifications.controller';
import { PoliciesController } from './policies/policies.controller';
import { ProblemDetailsFilter } from './problems/problem-details.filter';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { SlaReportController } from './reports/sla-report.controller';
import { ComplaintSlaController } from './sla/complaint-sla.controller';
import { WebhooksController } from './webhooks/webhooks.controller';
import { SurveyPageController } from './surveys/survey-page.controller';
import { SurveysApiController } from './surveys/surveys-api.controller';

@Module({})
export class AppModule {
  static forRoot(config: GatewayConfig, telemetry: Telemetry): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // The gateway keeps no state: no database, no outbox, no consumer.
        ServiceCoreModule.forRoot({ config, telemetry }),
        RateLimitModule.forRoot(config),
      ],
      // UnknownCommandController last: it answers only the command paths no route before it took.
      controllers: [
        ComplaintsController,
        ComplaintSlaController,
        SlaReportController,
        SurveysApiController,
        ComplaintNotificationsController,
        LegalHoldController,
        CustomersController,
        PoliciesController,
        AuditController,
        AuditExportController,
        WebhooksController,
        DeadLettersController,
        SurveyPageController,
        UnknownCommandController,
      ],
      providers: [ServiceRequester, DeadLetterAdministration, { provide: APP_FILTER, useClass: ProblemDetailsFilter }],
    };
  }
}
