import { ComplaintResolvedV1, EventOf, SurveySentV1 } from '@complaints/contracts';
import { EventSink } from '@complaints/messaging';
import { PolicyCatalog } from '@complaints/policy-catalog';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { CUSTOMER_LOCALES, CustomerLocales } from './customer-locales';
import { FEEDBACK_ACTOR } from './feedback-actor';
import { SURVEY_REPOSITORY, SurveyRepository } from './survey';
import { surveyPageLocale } from './survey-page-locale';
import { surveyWindowEnd } from './survey-window';

export type ResolutionEvent = EventOf<typeof ComplaintResolvedV1> & { readonly complaintId: string };

/** `retry`/`reject`: the customer's locale could not be learnt now / ever (`detail` says why). */
/** `superseded`: a later resolution of the complaint came first and has the survey that counts. */
export type OpenSurveyOutcome =
  | { readonly kind: 'opened' | 'already-opened' | 'superseded' | 'no-survey' }
  | { readonly kind: 'retry' | 'reject'; readonly detail: string };

/**
 * A resolution under a policy with a survey opens one survey, announced as `survey.sent` in
 * the same transaction; notifications then sends the link. Each resolution gets its own
 * survey, so a complaint reopened and resolved again is asked again, and only about the
 * latest resolution: that survey supersedes the open ones of earlier resolutions, so an old
 * link can no longer confirm the complaint and an old window can no longer close it. Which
 * resolution is the latest is decided by when each happened, so a late-heard earlier one is
 * recorded as superseded at once and sends nothing.
 */
@Injectable()
export class OpenSurveyOnResolution {
  constructor(
    @Inject(SURVEY_REPOSITORY) private readonly surveys: SurveyRepository,
    private readonly catalog: PolicyCatalog,
    @Inject(CUSTOMER_LOCALES) private readonly locales: CustomerLocales,
  ) {}

  async execute(tx: EntityManager, events: EventSink, resolution: ResolutionEvent): Promise<OpenSurveyOutcome> {
    const { policyId, policyVersion, reference } = resolution.data;
    const policy = this.catalog.registry.require(policyId, policyVersion);
    if (!policy.survey) return { kind: 'no-survey' };
    const lookup = await this.locales.localeOf(resolution.complaintId);
    if (lookup.status !== 'found') return { kind: lookup.status === 'unavailable' ? 'retry' : 'reject', detail: lookup.detail };

    const { complaintId } = resolution;
    const resolvedAt = new Date(resolution.occurredAt);
    await this.surveys.lockComplaint(tx, complaintId);
    const outdated = await this.surveys.hasLaterResolution(tx, complaintId, resolvedAt);
    const sentAt = new Date();
    const surveyId = uuidv7();
    const expiresAt = surveyWindowEnd(policy, sentAt);
    const created = await this.surveys.create(tx, {
      surveyId,
      complaintId,
      resolutionEventId: resolution.id,
      resolvedAt,
      organisationId: policy.organisationId ?? null,
      policyId,
      policyVersion,
      reference,
      locale: surveyPageLocale(lookup.locale, policy.locales),
      scale: policy.survey.scale,
      sentAt,
      expiresAt,
      status: outdated ? 'superseded' : 'open',
      answeredAt: null,
      score: null,
      verdict: null,
      comment: null,
    });
    if (!created) return { kind: 'already-opened' };
    if (outdated) return { kind: 'superseded' };
    await this.surveys.supersedeEarlier(tx, complaintId, resolvedAt, sentAt);
    await events.publish(SurveySentV1, {
      complaintId,
      actor: FEEDBACK_ACTOR,
      occurredAt: sentAt,
      data: {
        policyId,
        policyVersion,
        surveyId,
        resolutionEventId: resolution.id,
        sentAt: sentAt.toISOString(),
        expiresAt: expiresAt?.toISOString() ?? null,
      },
    });
    return { kind: 'opened' };
  }
}
