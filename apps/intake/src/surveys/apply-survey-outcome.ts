import { Actor, Envelope } from '@complaints/contracts';
import { EventSink } from '@complaints/messaging';
import { PolicyCatalog } from '@complaints/policy-catalog';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { changeLifecycle } from '../complaints/complaint';
import { ComplaintChanges } from '../complaints/complaint-changes';
import { ComplaintHistory } from '../complaints/complaint-history';
import { COMPLAINT_REPOSITORY, ComplaintRepository } from '../complaints/complaint.repository';
import { lifecycleChange } from '../complaints/lifecycle-change';
import { SurveyNews, SurveyOutcome, decideSurveyOutcome } from './decide-survey-outcome';

/** Who closes or reopens a complaint on a survey's account: the customer's survey, under the policy's rules. */
export const SURVEY_ACTOR: Actor = { kind: 'system', id: 'satisfaction-survey' };

/**
 * Puts a survey's answer or expiry on the complaint's timeline, then applies what the policy
 * makes of it through the same state machine, event and history as an agent's command.
 * Runs in the consumer's transaction, with the complaint locked.
 */
@Injectable()
export class ApplySurveyOutcome {
  constructor(
    private readonly catalog: PolicyCatalog,
    @Inject(COMPLAINT_REPOSITORY) private readonly complaints: ComplaintRepository,
    private readonly changes: ComplaintChanges,
    private readonly history: ComplaintHistory,
  ) {}

  /** Undefined when intake has no such complaint. */
  async execute(
    tx: EntityManager,
    events: EventSink,
    event: Envelope & { readonly complaintId: string },
    news: SurveyNews,
  ): Promise<SurveyOutcome | undefined> {
    const complaint = await this.complaints.lockForChange(tx, event.complaintId);
    if (!complaint) return undefined;
    const policy = this.catalog.registry.require(complaint.policyId, complaint.policyVersion);
    const outcome = decideSurveyOutcome(policy, complaint.status, news);
    // The survey itself is on the timeline first: the cause, then what it caused.
    await this.history.record(tx, event, outcome.kind === 'record' ? outcome.note : undefined);
    if (outcome.kind === 'record') return outcome;
    const now = new Date();
    const command =
      outcome.kind === 'close'
        ? ({ type: 'close', body: { reason: outcome.reason, note: outcome.note } } as const)
        : ({ type: 'reopen', body: { reason: outcome.note } } as const);
    await this.changes.commit(tx, events, changeLifecycle(complaint, lifecycleChange(command, policy, now), now), SURVEY_ACTOR);
    return outcome;
  }
}
