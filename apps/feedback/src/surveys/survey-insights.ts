import { ComplaintSurveys, GetSurveyStatsRequest, ListComplaintSurveysRequest, SurveyStats } from '@complaints/contracts';
import { InvalidInputError, NotFoundError, PLATFORM_WIDE, Principal, canSee } from '@complaints/domain';
import { PersonalDataCipher } from '@complaints/persistence';
import { PolicyCatalog } from '@complaints/policy-catalog';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { SURVEY_REPOSITORY, SurveyRepository } from './survey';
import { surveyStats } from './survey-stats';
import { commentContext } from './survey-respondent';

/** The respondent's words are free text: for the people who work complaints and run the organisation. */
function readsComments(principal: Principal): boolean {
  return principal.role === 'agent' || principal.role === 'admin';
}

/** What agents and admins learn from surveys: CSAT over time, and each complaint's surveys. */
@Injectable()
export class SurveyInsights {
  constructor(
    private readonly em: EntityManager,
    @Inject(SURVEY_REPOSITORY) private readonly surveys: SurveyRepository,
    private readonly catalog: PolicyCatalog,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async stats(request: GetSurveyStatsRequest): Promise<SurveyStats> {
    const { principal, policyId, groupBy } = request;
    const from = new Date(request.from);
    const to = new Date(request.to);
    if (to <= from) throw new InvalidInputError('the period is empty', [{ field: 'to', message: 'must be after from' }]);
    // Another organisation's policy is "not found", as everywhere else (ADR 0005).
    const policy = this.catalog.registry.get(policyId);
    if (!policy || !canSee(principal, policy.organisationId ?? null)) throw new NotFoundError(`policy ${policyId}`);
    const organisationId = principal.organisationId === PLATFORM_WIDE ? null : principal.organisationId;
    const tallies = await this.surveys.tallies(this.em.fork(), { policyId, organisationId, from, to, groupBy });
    return { policyId, from: from.toISOString(), to: to.toISOString(), groupBy, ...surveyStats(tallies) };
  }

  async ofComplaint(request: ListComplaintSurveysRequest): Promise<ComplaintSurveys> {
    const { principal, complaintId } = request;
    const surveys = await this.surveys.ofComplaint(this.em.fork(), complaintId);
    // A complaint's surveys all carry its organisation; another's complaint is "not found".
    if (surveys.some((survey) => !canSee(principal, survey.organisationId))) throw new NotFoundError(`complaint ${complaintId}`);
    const withComments = readsComments(principal);
    return {
      complaintId,
      surveys: surveys.map((survey) => ({
        surveyId: survey.surveyId,
        policyId: survey.policyId,
        policyVersion: survey.policyVersion,
        status: survey.status,
        sentAt: survey.sentAt.toISOString(),
        expiresAt: survey.expiresAt?.toISOString() ?? null,
        answeredAt: survey.answeredAt?.toISOString() ?? null,
        score: survey.score,
        verdict: survey.verdict,
        ...(withComments
          ? { comment: survey.comment === null ? null : this.cipher.decrypt(survey.comment, commentContext(survey.surveyId)) }
          : {}),
      })),
    };
  }
}
