import { NotFoundError } from '@complaints/domain';
import { SurveyLink } from '@complaints/contracts';
import { SERVICE_CONFIG } from '@complaints/runtime';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { FeedbackConfig } from '../feedback-config';
import { SURVEY_REPOSITORY, SurveyRepository } from './survey';
import { SurveyLinkTokens } from './survey-link-tokens';

/** The link of a survey, derived again on each request, for the message that carries it to the customer. */
@Injectable()
export class GetSurveyLink {
  constructor(
    private readonly em: EntityManager,
    @Inject(SURVEY_REPOSITORY) private readonly surveys: SurveyRepository,
    private readonly tokens: SurveyLinkTokens,
    @Inject(SERVICE_CONFIG) private readonly config: FeedbackConfig,
  ) {}

  async execute(surveyId: string): Promise<SurveyLink> {
    const survey = await this.surveys.find(this.em.fork(), surveyId);
    if (!survey) throw new NotFoundError(`survey ${surveyId}`);
    return {
      surveyId,
      url: `${this.config.publicBaseUrl}/surveys/${this.tokens.tokenFor(surveyId)}`,
      expiresAt: survey.expiresAt?.toISOString() ?? null,
    };
  }
}
