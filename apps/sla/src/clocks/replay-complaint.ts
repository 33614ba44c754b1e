import { ClockPlan, planClocksForFacts } from '@complaints/policy';
import { ClockState } from './clock-state';
import { ComplaintEnvelope, applyComplaintEvent, complaintEventEffect } from './complaint-event-rules';
import { PolicySource } from './policy-source';
import { reconcileClocks } from './reconcile-clocks';
import { SlaComplaint, clockFactsOf } from './sla-complaint';

/** A complaint's facts and the clocks they give. */
export interface ComplaintState {
  readonly complaint: SlaComplaint;
  readonly clocks: readonly ClockState[];
}

/** A replay's result, with the plan of the last event it folded, for the caller not to plan the same facts again. */
export interface ReplayedComplaint extends ComplaintState {
  readonly plan?: ClockPlan;
}

const isReceipt = (event: ComplaintEnvelope): boolean => event.type === 'complaint.received';

/**
 * The order things happened in: the receipt first (nothing can be planned without it, and a
 * back-dated or skewed instant must not put an event before it), then by when each event
 * occurred, ties broken by id (UUIDv7, so the order they were made in).
 */
export function inEventOrder(events: readonly ComplaintEnvelope[]): ComplaintEnvelope[] {
  return [...events].sort(
    (a, b) =>
      Number(isReceipt(b)) - Number(isReceipt(a)) ||
      Date.parse(a.occurredAt) - Date.parse(b.occurredAt) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** The events a later one undid (a closure withdrawn), by id. */
function voidedIn(events: readonly ComplaintEnvelope[]): Set<string> {
  return new Set(events.flatMap((event) => complaintEventEffect(event)?.voids ?? []));
}

/**
 * Folds a complaint's events, in the order they happened, into its facts and clocks, re-planning
 * after each as if sla had received them in that order: so every order of arrival ends in the
 * same state. An event a later one voids is left out, as if it had not happened. From nothing
 * (the whole history) or from a state already folded. Undefined while the events hold no receipt.
 */
export function replayComplaint(
  policies: PolicySource,
  events: readonly ComplaintEnvelope[],
  from?: ComplaintState,
): ReplayedComplaint | undefined {
  let state: ReplayedComplaint | undefined = from;
  const voided = voidedIn(events);
  for (const event of inEventOrder(events)) {
    if (voided.has(event.id)) continue;
    const effect = complaintEventEffect(event);
    const complaint = effect && applyComplaintEvent(state?.complaint, effect);
    if (!complaint) continue;
    const policy = policies.require(complaint.policyId, complaint.policyVersion);
    const plan = planClocksForFacts(policy, clockFactsOf(complaint));
    state = { complaint, clocks: reconcileClocks(plan, complaint, state?.clocks ?? []), plan };
  }
  return state;
}
