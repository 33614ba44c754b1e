import { FaultRig } from './fault-rig';
import { AcceptedComplaint } from './invariants';
import { commandUntilDone } from './persistent-client';

/** A lifecycle step an agent (or the customer, through an agent) takes, and the clock it keeps, if any. */
export interface Step {
  readonly action: string;
  readonly body: unknown;
  readonly keeps?: string;
}

export const ACKNOWLEDGE: Step = { action: 'acknowledge', body: {}, keeps: 'acknowledgement' };
export const REQUEST_INFO: Step = { action: 'request-info', body: { question: 'Which order number was it?' } };
export const CUSTOMER_REPLY: Step = { action: 'customer-replies', body: {} };
export const FIRST_REPLY: Step = { action: 'responses', body: { type: 'first_reply', channel: 'email', summary: 'Asked the carrier.' }, keeps: 'first_reply' };
export const RESOLVE: Step = { action: 'resolve', body: { summary: 'Refunded.' }, keeps: 'resolution' };

/** How a complaint is worked: by index, so a burst holds every mix (one left alone breaches everything). */
export const WORKFLOWS: readonly (readonly Step[])[] = [
  [ACKNOWLEDGE, REQUEST_INFO, CUSTOMER_REPLY, FIRST_REPLY, RESOLVE],
  [ACKNOWLEDGE, FIRST_REPLY],
  [RESOLVE],
  [],
];

/** How long an agent keeps retrying one command through faults before the scenario counts it unanswered. */
const COMMAND_PATIENCE_MS = 120_000;

/**
 * Takes the steps in order on one complaint, each retried with its Idempotency-Key through
 * whatever fault is on, and records every promise kept so the false-breach check can hold
 * sla to it. Returns how many commands were never answered.
 */
export async function work(rig: FaultRig, complaint: AcceptedComplaint, steps: readonly Step[]): Promise<number> {
  for (const step of steps) {
    const answeredAt = await commandUntilDone(rig.api, complaint.id, step.action, step.body, COMMAND_PATIENCE_MS);
    if (answeredAt === undefined) return steps.length - steps.indexOf(step);
    if (step.keeps) rig.kept.push({ complaintId: complaint.id, metric: step.keeps, answeredAt });
  }
  return 0;
}

/** Works many complaints, `concurrency` at a time; returns the commands never answered. */
export async function workAll(
  rig: FaultRig,
  complaints: readonly AcceptedComplaint[],
  stepsOf: (index: number) => readonly Step[],
  concurrency: number,
): Promise<number> {
  let next = 0;
  let unanswered = 0;
  const worker = async () => {
    while (next < complaints.length) {
      const index = next++;
      unanswered += await work(rig, complaints[index] as AcceptedComplaint, stepsOf(index));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return unanswered;
}
