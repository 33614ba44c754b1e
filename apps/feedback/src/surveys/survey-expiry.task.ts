import { PeriodicTask, SERVICE_CONFIG, SERVICE_LOGGER } from '@complaints/runtime';
import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Logger } from 'pino';
import { FeedbackConfig } from '../feedback-config';
import { ExpireSurveys } from './expire-surveys';

/**
 * Feedback times its surveys' windows itself (ADR 0080): every few seconds it expires the
 * surveys whose window has ended, so an expiry is announced within one interval of it.
 */
@Injectable()
export class SurveyExpiryTask implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(expire: ExpireSurveys, @Inject(SERVICE_CONFIG) config: FeedbackConfig, @Inject(SERVICE_LOGGER) logger: Logger) {
    this.task = new PeriodicTask('survey expiry', config.surveyExpiryIntervalMs, () => expire.execute(), logger);
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
