import {
  ComplaintPersonalDataErasedV1,
  Actor,
  ComplaintAcknowledgedV1,
  ComplaintClosedV1,
  ComplaintClosureWithdrawnV1,
  ComplaintCustomerRepliedV1,
  ComplaintDisputeTierChangedV1,
  ComplaintEscalationRequestedV1,
  ComplaintExpectedDateSetV1,
  ComplaintInfoRequestedV1,
  ComplaintReceivedV1,
  ComplaintReopenedV1,
  ComplaintResolvedV1,
  ComplaintResponseSentV1,
  ComplaintSellerNonCooperationReportedV1,
  EscalationLevelLoweredV1,
  EscalationLevelRaisedV1,
  EventContract,
  EventData,
  EventOf,
  SlaClockBreachWithdrawnV1,
  SlaClockBreachedV1,
  SlaClockWarningV1,
  SurveyAnsweredV1,
  SurveyExpiredV1,
  SurveySentV1,
} from '@complaints/contracts';
import { ComplaintStatus, ResponseType } from '@complaints/domain';
import { createEvent } from '@complaints/messaging';
import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

type Received = EventData<typeof ComplaintReceivedV1>;

/** What a test says about the complaint; the rest is a MiMo complaint received by email. */
export type ComplaintFacts = Partial<Received> & { readonly complaintId?: string };

/** An event about one complaint, so `complaintId` is never null. */
export type ComplaintEvent<C extends EventContract = EventContract> = EventOf<C> & {
  readonly complaintId: string;
};

const AGENT: Actor = { kind: 'client', id: 'agent-key' };
// As each service names itself on the events it publishes.
const SLA: Actor = { kind: 'system', id: 'sla' };
const ESCALATION: Actor = { kind: 'service', id: 'escalation' };
const FEEDBACK: Actor = { kind: 'service', id: 'feedback' };
const CLOSURE_RULE: Actor = { kind: 'system', id: 'policy-closure-rule' };

/**
 * The events the other services publish about one complaint, so a test reads as the story
 * it tells: `events.received('2026-11-20T16:30:00Z')`, `events.clockBreached('resolution')`.
 * Each method takes the instant the event happened last; now when absent.
 */
export function complaintEvents(facts: ComplaintFacts = {}): ComplaintEvents {
  return new ComplaintEvents(facts);
}

export class ComplaintEvents {
  readonly complaintId: string;
  readonly policyId: string;
  readonly policyVersion: number;

  constructor(private readonly facts: ComplaintFacts) {
    this.complaintId = facts.complaintId ?? uuidv7();
    this.policyId = facts.policyId ?? 'mimo';
    this.policyVersion = facts.policyVersion ?? 1;
  }

  // Intake, on the COMPLAINTS stream.

  received(at = now()): ComplaintEvent<typeof ComplaintReceivedV1> {
    const { complaintId: _complaintId, ...receipt } = this.facts;
    return this.event(ComplaintReceivedV1, AGENT, at, {
      reference: this.reference,
      kind: 'complaint',
      channel: 'email',
      status: 'received',
      receivedAt: new Date(at).toISOString(),
      firstContactAt: null,
      thirdParty: false,
      sellerId: null,
      ...receipt,
      policyId: this.policyId,
      policyVersion: this.policyVersion,
    });
  }

  acknowledged(at = now()) {
    return this.event(ComplaintAcknowledgedV1, AGENT, at, this.lifecycle('acknowledged', 'received'));
  }

  responded(responseType: ResponseType, at = now()) {
    return this.event(ComplaintResponseSentV1, AGENT, at, {
      ...this.lifecycle('in_progress', 'acknowledged'),
      responseType,
    });
  }

  infoRequested(at = now()) {
    return this.event(
      ComplaintInfoRequestedV1,
      AGENT,
      at,
      this.lifecycle('awaiting_customer', 'in_progress'),
    );
  }

  /** Recorded `at`; the reply itself can have come earlier (`receivedAt`). */
  customerReplied(at = now(), receivedAt = at) {
    return this.event(ComplaintCustomerRepliedV1, AGENT, at, {
      ...this.lifecycle('in_progress', 'awaiting_customer'),
      receivedAt: new Date(receivedAt).toISOString(),
    });
  }

  /** The complaint is complex: the agent set the date it should be resolved by. */
  expectedDateSet(expectedAt: string, at = now()) {
    return this.event(ComplaintExpectedDateSetV1, AGENT, at, {
      ...this.lifecycle('in_progress', 'in_progress'),
      expectedAt: new Date(expectedAt).toISOString(),
    });
  }

  resolved(at = now()) {
    return this.event(ComplaintResolvedV1, AGENT, at, this.lifecycle('resolved', 'in_progress'));
  }

  /** An admin erased the customer's personal data, or the policy's retention ended (ADR 0006). */
  personalDataErased(cause: 'request' | 'retention' = 'request', at = now()) {
    return this.event(ComplaintPersonalDataErasedV1, AGENT, at, {
      policyId: this.policyId,
      policyVersion: this.policyVersion,
      reference: this.reference,
      cause,
      erasedAt: new Date(at).toISOString(),
    });
  }

  reopened(at = now()) {
    return this.event(ComplaintReopenedV1, AGENT, at, this.lifecycle('in_progress', 'resolved'));
  }

  closed(at = now()) {
    return this.event(ComplaintClosedV1, AGENT, at, {
      ...this.lifecycle('closed', 'resolved'),
      reason: 'confirmed',
    });
  }

  /** Modmount's closure rule closed the complaint on the breach of the customer's window. */
  closedForNonCooperation(at = now()) {
    return this.event(ComplaintClosedV1, CLOSURE_RULE, at, {
      ...this.lifecycle('closed', 'awaiting_customer'),
      reason: 'non_cooperation',
    });
  }

  /** The breach `closed` was made on proved false: intake withdrew that closure, the complaint back to `restored`. */
  closureWithdrawn(
    closed: { readonly id: string },
    breach: { readonly id: string },
    restored: ComplaintStatus = 'awaiting_customer',
    at = now(),
  ) {
    return this.event(ComplaintClosureWithdrawnV1, CLOSURE_RULE, at, {
      ...this.lifecycle(restored, 'closed'),
      closedEventId: closed.id,
      reason: 'breach_withdrawn',
      breachEventId: breach.id,
    });
  }

  escalationRequested(at = now()) {
    return this.event(ComplaintEscalationRequestedV1, AGENT, at, {
      ...this.lifecycle('in_progress', 'in_progress'),
      trigger: 'manual',
    });
  }

  sellerNonCooperationReported(sellerId: string, at = now()) {
    return this.event(ComplaintSellerNonCooperationReportedV1, AGENT, at, {
      ...this.lifecycle('in_progress', 'in_progress'),
      sellerId,
    });
  }

  disputeTierChanged(fromTier: string | null, toTier: string, changedBy: Actor = AGENT, at = now()) {
    return this.event(ComplaintDisputeTierChangedV1, changedBy, at, {
      ...this.lifecycle('in_progress', 'in_progress'),
      fromTier,
      toTier,
    });
  }

  // sla, on the SLA stream: a clock fired on time, at its deadline.

  clockWarning(metric: string, at = now()) {
    return this.event(SlaClockWarningV1, SLA, at, this.clockAlert(metric, at));
  }

  clockBreached(metric: string, at = now()) {
    return this.event(SlaClockBreachedV1, SLA, at, this.clockAlert(metric, at));
  }

  /**
   * A late event showed the breach of `metric` at `breachedAt` false: the clock was met at
   * `metAt`. `breach`: the `sla.clock-breached` event it names; none, as sla published before naming it.
   */
  clockBreachWithdrawn(metric: string, breachedAt: string, metAt: string, at = now(), breach?: { readonly id: string }) {
    return this.event(SlaClockBreachWithdrawnV1, SLA, at, {
      metric,
      policyId: this.policyId,
      policyVersion: this.policyVersion,
      breachedAt: new Date(breachedAt).toISOString(),
      ...(breach ? { breachEventId: breach.id } : {}),
      status: 'met',
      dueAt: new Date(breachedAt).toISOString(),
      metAt: new Date(metAt).toISOString(),
      cause: { eventId: uuidv7(), type: 'complaint.acknowledged' },
    });
  }

  // feedback, on the SURVEYS stream.

  /** An answer on MiMo's 1–5 scale, where 2 or below is dissatisfied and 4 or above satisfied. */
  surveyAnswered(score: number, at = now()) {
    return this.event(SurveyAnsweredV1, FEEDBACK, at, {
      policyId: this.policyId,
      policyVersion: this.policyVersion,
      surveyId: randomUUID(),
      score,
      scale: { min: 1, max: 5 },
      dissatisfied: score <= 2,
      satisfied: score >= 4,
      answeredAt: new Date(at).toISOString(),
    });
  }

  /** The survey's window ended unanswered. */
  surveyExpired(at = now()) {
    return this.event(SurveyExpiredV1, FEEDBACK, at, {
      policyId: this.policyId,
      policyVersion: this.policyVersion,
      surveyId: randomUUID(),
      expiredAt: new Date(at).toISOString(),
    });
  }

  /** Feedback opened the survey about a resolution, to be sent with the resolution message. */
  surveySent(resolutionEventId: string, surveyId: string = randomUUID(), at = now()) {
    return this.event(SurveySentV1, FEEDBACK, at, {
      policyId: this.policyId,
      policyVersion: this.policyVersion,
      surveyId,
      resolutionEventId,
      sentAt: new Date(at).toISOString(),
      expiresAt: null,
    });
  }

  // escalation, on the ESCALATION stream.

  /** A clock breach moved the complaint up its ladder; level 4 is the top. */
  escalationLevelRaised(fromLevel: number, toLevel: number, at = now()) {
    return this.event(EscalationLevelRaisedV1, ESCALATION, at, {
      policyId: this.policyId,
      policyVersion: this.policyVersion,
      fromLevel,
      toLevel,
      levelName: `Level ${toLevel}`,
      notifies: [`level_${toLevel}`],
      trigger: 'clock_breach',
      metric: 'resolution',
      final: toLevel === 4,
    });
  }

  /** Escalation undid a step a breach of resolution caused (`undoes`), sla having withdrawn that breach. */
  escalationLevelLowered(fromLevel: number, toLevel: number, undoes: string, at = now()) {
    return this.event(EscalationLevelLoweredV1, ESCALATION, at, {
      policyId: this.policyId,
      policyVersion: this.policyVersion,
      fromLevel,
      toLevel,
      levelName: `Level ${toLevel}`,
      reason: 'breach_withdrawn',
      metric: 'resolution',
      undoesEventId: undoes,
    });
  }

  private get reference(): string {
    return (
      this.facts.reference ??
      `${this.policyId
        .replace(/[^a-z0-9]/g, '')
        .slice(0, 10)
        .toUpperCase()}-2026-000001`
    );
  }

  private lifecycle(status: ComplaintStatus, previousStatus: ComplaintStatus) {
    return {
      policyId: this.policyId,
      policyVersion: this.policyVersion,
      reference: this.reference,
      kind: this.facts.kind ?? 'complaint',
      status,
      previousStatus,
    };
  }

  private clockAlert(metric: string, at: string) {
    const firedAt = new Date(at).toISOString();
    return {
      metric,
      policyId: this.policyId,
      policyVersion: this.policyVersion,
      dueAt: firedAt,
      warnAt: null,
      firedAt,
      lagMs: 0,
      late: false,
    };
  }

  private event<C extends EventContract>(
    contract: C,
    actor: Actor,
    at: string,
    data: EventData<C>,
  ): ComplaintEvent<C> {
    const event = createEvent(contract, {
      complaintId: this.complaintId,
      actor,
      occurredAt: new Date(at),
      data,
    });
    return { ...event, complaintId: this.complaintId };
  }
}

function now(): string {
  return new Date().toISOString();
}
