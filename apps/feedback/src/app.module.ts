import { STREAMS } from '@complaints/contracts';
import { ServiceCoreModule } from '@complaints/runtime';
import { Telemetry } from '@complaints/telemetry';
import { DynamicModule, Module } from '@nestjs/common';
import { FeedbackConfig } from './feedback-config';
import { FEEDBACK_MIGRATIONS } from './migrations';
import { SurveysModule } from './surveys/surveys.module';

@Module({})
export class AppModule {
  static forRoot(config: FeedbackConfig, telemetry: Telemetry): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot({
          config,
          telemetry,
          database: { url: config.databaseUrl, schema: 'feedback', migrations: FEEDBACK_MIGRATIONS },
          publishes: [STREAMS.surveys],
          consumes: true,
          policies: true,
        }),
        SurveysModule.forRoot(config),
      ],
    };
  }
}
