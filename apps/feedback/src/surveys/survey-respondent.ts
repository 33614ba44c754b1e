import { SurveyAnsweredV1, SurveyAnswerOutcome, SurveyPage } from '@complaints/contracts';
import { InvalidInputError } from '@complaints/domain';
import { UnitOfWork } from '@complaints/messaging';
import { PersonalDataCipher } from '@complaints/persistence';
import { PolicyCatalog } from '@complaints/policy-catalog';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { FEEDBACK_ACTOR } from './feedback-actor';
import { SURVEY_REPOSITORY, Survey, SurveyRepository } from './survey';
import { SurveyLinkTokens } from './survey-link-tokens';
import { isOnScale, verdictOf } from './survey-verdict';

const UNAVAILABLE = { status: 'unavailable', locale: null } as const;

/** The encryption context of a survey's comment: it opens only as that survey's comment. */
export const commentContext = (surveyId: string): string => `survey:${surveyId}:comment`;

/**
 * Past its window, whether or not the expiry sweep has come by yet (the answer's own time
 * decides), or replaced by the survey of a later resolution.
 */
function over(survey: Survey, at: Date): boolean {
  return survey.status === 'expired' || survey.status === 'superseded' || (survey.expiresAt !== null && at >= survey.expiresAt);
}

/**
 * What the customer holding a survey link may do: see the survey, and answer it once. A
 * forged, altered or unknown token and an expired survey look the same from outside.
 */
@Injectable()
export class SurveyRespondent {
  constructor(
    private readonly em: EntityManager,
    private readonly unitOfWork: UnitOfWork,
    @Inject(SURVEY_REPOSITORY) private readonly surveys: SurveyRepository,
    private readonly tokens: SurveyLinkTokens,
    private readonly catalog: PolicyCatalog,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async open(token: string): Promise<SurveyPage> {
    const surveyId = this.tokens.surveyIdOf(token);
    const survey = surveyId === undefined ? undefined : await this.surveys.find(this.em.fork(), surveyId);
    if (!survey) return UNAVAILABLE;
    if (survey.status !== 'answered' && over(survey, new Date())) return { status: 'unavailable', locale: survey.locale };
    const heading = { locale: survey.locale, organisationName: this.organisationName(survey), reference: survey.reference };
    return survey.status === 'answered' ? { status: 'answered', ...heading } : { status: 'open', ...heading, scale: survey.scale };
  }

  async answer(token: string, score: number, comment: string | null): Promise<SurveyAnswerOutcome> {
    const surveyId = this.tokens.surveyIdOf(token);
    if (surveyId === undefined) return UNAVAILABLE;
    return this.unitOfWork.run(async (tx, events) => {
      const survey = await this.surveys.lock(tx, surveyId);
      if (!survey) return UNAVAILABLE;
      const answeredAt = new Date();
      if (survey.status === 'answered') return { status: 'answered', locale: survey.locale };
      if (over(survey, answeredAt)) return { status: 'unavailable', locale: survey.locale };
      if (!isOnScale(survey.scale, score)) {
        throw new InvalidInputError('the score is not on the survey scale', [
          { field: 'score', message: `must be a whole number from ${survey.scale.min} to ${survey.scale.max}` },
        ]);
      }
      const { survey: spec } = this.catalog.registry.require(survey.policyId, survey.policyVersion);
      // Surveys are opened only under a policy version with a survey, and versions never change.
      if (!spec) throw new Error(`policy ${survey.policyId} v${survey.policyVersion} has no survey, yet survey ${surveyId} was opened under it`);
      const verdict = verdictOf(spec, score);
      const text = comment?.trim() ?? '';
      await this.surveys.recordAnswer(tx, surveyId, {
        answeredAt,
        score,
        verdict,
        comment: text === '' ? null : this.cipher.encrypt(text, commentContext(surveyId)),
      });
      await events.publish(SurveyAnsweredV1, {
        complaintId: survey.complaintId,
        actor: FEEDBACK_ACTOR,
        occurredAt: answeredAt,
        data: {
          policyId: survey.policyId,
          policyVersion: survey.policyVersion,
          surveyId,
          score,
          scale: survey.scale,
          dissatisfied: verdict === 'dissatisfied',
          satisfied: verdict === 'satisfied',
          answeredAt: answeredAt.toISOString(),
        },
      });
      return { status: 'recorded', locale: survey.locale };
    });
  }

  /** The name the policy gives its organisation, as the customer knows it. */
  private organisationName(survey: Survey): string {
    const policy = this.catalog.registry.require(survey.policyId, survey.policyVersion);
    return policy.source?.organisation ?? policy.organisationId ?? policy.name;
  }
}
