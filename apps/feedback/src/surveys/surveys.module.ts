import { EventConsumerHost, Topology } from '@complaints/messaging';
import { PersonalDataCipher } from '@complaints/persistence';
import { DynamicModule, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { FeedbackConfig } from '../feedback-config';
import { ComplaintResolutionsConsumer } from './complaint-resolutions.consumer';
import { PersonalDataErasuresConsumer } from './personal-data-erasures.consumer';
import { CUSTOMER_LOCALES } from './customer-locales';
import { ExpireSurveys } from './expire-surveys';
import { IntakeCustomerLocales } from './intake-customer-locales';
import { OpenSurveyOnResolution } from './open-survey-on-resolution';
import { SURVEY_REPOSITORY } from './survey';
import { SurveyExpiryTask } from './survey-expiry.task';
import { SurveyInsights } from './survey-insights';
import { SurveyLinkTokens } from './survey-link-tokens';
import { GetSurveyLink } from './survey-links';
import { SurveyRespondent } from './survey-respondent';
import { SqlSurveyRepository } from './sql-survey.repository';
import { SurveysHandlers } from './surveys.handlers';

/** How long a resolution waits on intake for the customer's language before it is retried. */
const INTAKE_TIMEOUT_MS = 5000;

@Injectable()
class SurveyConsumersRegistration implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumerHost,
    private readonly resolutions: ComplaintResolutionsConsumer,
    private readonly erasures: PersonalDataErasuresConsumer,
  ) {}

  onModuleInit(): void {
    this.consumers.register(this.resolutions);
    this.consumers.register(this.erasures);
  }
}

/** Satisfaction surveys: opened on resolution, answered through the gateway's page, expired at their window's end. */
@Module({})
export class SurveysModule {
  static forRoot(config: FeedbackConfig): DynamicModule {
    return {
      module: SurveysModule,
      controllers: [SurveysHandlers],
      providers: [
        { provide: SURVEY_REPOSITORY, useValue: new SqlSurveyRepository() },
        { provide: SurveyLinkTokens, useValue: new SurveyLinkTokens(config.surveyLinkKey) },
        { provide: PersonalDataCipher, useValue: new PersonalDataCipher(config.piiKeys) },
        {
          provide: CUSTOMER_LOCALES,
          useFactory: (topology: Topology) => new IntakeCustomerLocales(config, topology, INTAKE_TIMEOUT_MS),
          inject: [Topology],
        },
        OpenSurveyOnResolution,
        ComplaintResolutionsConsumer,
        PersonalDataErasuresConsumer,
        GetSurveyLink,
        SurveyRespondent,
        SurveyInsights,
        ExpireSurveys,
        SurveyExpiryTask,
        SurveyConsumersRegistration,
      ],
    };
  }
}
