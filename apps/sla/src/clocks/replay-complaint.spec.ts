import { PolicyRegistry, builtInPolicies } from '@complaints/policy';
import { complaintEvents } from '@complaints/service-testing';
import fc from 'fast-check';
import { settleBreaches } from './breach-withdrawals';
import { ClockState } from './clock-state';
import { ComplaintEnvelope } from './complaint-event-rules';
import { ComplaintState, replayComplaint } from './replay-complaint';

const policies = new PolicyRegistry(builtInPolicies());

/**
 * What sla stores after these events arrive in this order, as `ApplyComplaintEvent` does it:
 * each one joins the history, which is replayed once it holds the receipt and settled
 * against the clocks stored before.
 */
function storedAfter(arrivals: readonly ComplaintEnvelope[]): ComplaintState | undefined {
  const history: ComplaintEnvelope[] = [];
  let stored: ComplaintState | undefined;
  for (const event of arrivals) {
    history.push(event);
    const replayed = replayComplaint(policies, history);
    if (!replayed) continue;
    stored = { complaint: replayed.complaint, clocks: settleBreaches(stored?.clocks ?? [], replayed.clocks).clocks };
  }
  return stored;
}

const byMetric = (clocks: readonly ClockState[] | undefined) =>
  Object.fromEntries((clocks ?? []).map((clock) => [clock.metric, clock]));

/** A Mimo complaint received on Friday 20 November 2026 at 16:30 UTC and worked to its close. */
function mimoStory(): ComplaintEnvelope[] {
  const events = complaintEvents();
  return [
    events.received('2026-11-20T16:30:00Z'),
    events.acknowledged('2026-11-23T09:45:00Z'),
    events.responded('first_reply', '2026-11-23T11:00:00Z'),
    events.infoRequested('2026-11-24T10:00:00Z'),
    events.customerReplied('2026-11-25T10:00:00Z', '2026-11-24T15:00:00Z'),
    events.acknowledged('2026-11-25T12:00:00Z'),
    events.resolved('2026-11-26T10:00:00Z'),
    events.closed('2026-11-27T10:00:00Z'),
  ];
}

/** An imolocale complaint whose regular update restarts on every update, one of them late. */
function imolocaleStory(): ComplaintEnvelope[] {
  const contact = '2026-11-02T09:00:00Z';
  const events = complaintEvents({ policyId: 'imolocale', firstContactAt: contact });
  return [
    events.received(contact),
    events.acknowledged('2026-11-02T10:00:00Z'),
    events.responded('update', '2026-11-03T08:00:00Z'),
    events.responded('update', '2026-11-05T08:00:00Z'),
    events.infoRequested('2026-11-05T09:00:00Z'),
    events.customerReplied('2026-11-06T09:00:00Z'),
    events.resolved('2026-11-09T09:00:00Z'),
  ];
}

/**
 * A Modmount complaint whose customer answered the first request in time; a second request
 * followed. sla declared the first window breached before it heard of the answer, the closure
 * rule closed the complaint on it, and intake withdrew that closure once sla withdrew the breach.
 */
function falseClosureStory() {
  const events = complaintEvents({ policyId: 'modmount', kind: 'complaint' });
  const breach = events.clockBreached('non_cooperation', '2026-12-01T17:00:00Z');
  const closed = events.closedForNonCooperation('2026-12-02T09:00:00Z');
  const kept = [
    events.received('2026-11-02T09:00:00Z'),
    events.acknowledged('2026-11-02T10:00:00Z'),
    events.infoRequested('2026-11-03T10:00:00Z'),
    events.customerReplied('2026-11-10T10:00:00Z', '2026-11-09T10:00:00Z'),
    events.infoRequested('2026-11-12T10:00:00Z'),
  ];
  return { kept, closed, withdrawn: events.closureWithdrawn(closed, breach, 'awaiting_customer', '2026-12-03T09:00:00Z') };
}

describe(replayComplaint.name, () => {
  it.each([
    ['a Mimo complaint worked to its close', mimoStory],
    ['an imolocale complaint with recurring updates', imolocaleStory],
  ])('reaches the same clocks whatever order the events of %s arrive in', (_story, story) => {
    const inOrder = story();
    const expected = byMetric(storedAfter(inOrder)?.clocks);
    expect(Object.keys(expected).length).toBeGreaterThan(2);
    fc.assert(
      fc.property(fc.shuffledSubarray(inOrder, { minLength: inOrder.length }), (arrivals) => {
        expect(byMetric(storedAfter(arrivals)?.clocks)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('leaves out a withdrawn closure: the clocks come back as if it had not happened, in every arrival order', () => {
    const { kept, closed, withdrawn } = falseClosureStory();
    const expected = byMetric(storedAfter(kept)?.clocks);
    expect(expected['non_cooperation']).toMatchObject({ status: 'met', metAt: new Date('2026-11-09T10:00:00Z') });
    expect(expected['stale']).toMatchObject({ status: 'running', dueAt: new Date('2027-02-02T09:00:00Z') });
    // Closed and not withdrawn, the same history has the clocks still running stopped by the closure.
    expect(byMetric(storedAfter([...kept, closed])?.clocks)['stale']).toMatchObject({ status: 'met', metAt: new Date(closed.occurredAt) });

    expect(byMetric(storedAfter([...kept, closed, withdrawn])?.clocks)).toEqual(expected);
    expect(byMetric(storedAfter([...kept, withdrawn, closed])?.clocks)).toEqual(expected);
    fc.assert(
      fc.property(fc.shuffledSubarray([...kept, closed, withdrawn], { minLength: kept.length + 2 }), (arrivals) => {
        expect(byMetric(storedAfter(arrivals)?.clocks)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps events that come before the receipt, and plans them when it comes', () => {
    const events = complaintEvents();
    const acknowledged = events.acknowledged('2026-11-23T09:45:00Z');
    expect(replayComplaint(policies, [acknowledged])).toBeUndefined();
    const clocks = byMetric(replayComplaint(policies, [acknowledged, events.received('2026-11-20T16:30:00Z')])?.clocks);
    expect(clocks['acknowledgement']).toMatchObject({ status: 'met', metAt: new Date('2026-11-23T09:45:00Z') });
  });

  it('ends the pause of a request when the reply is processed before the request', () => {
    const events = complaintEvents();
    const request = events.infoRequested('2026-11-23T11:00:00Z');
    const reply = events.customerReplied('2026-11-24T11:00:00Z');
    const replayed = replayComplaint(policies, [events.received('2026-11-20T16:30:00Z'), reply, request]);
    expect(replayed?.complaint.pauses).toEqual([
      { from: Date.parse('2026-11-23T11:00:00Z'), to: Date.parse('2026-11-24T11:00:00Z'), reason: 'awaiting_customer' },
    ]);
    // Mon 11:00 → Tue 11:00 holds 8 business hours: Fri 27 Nov 17:00 + 8 h → Mon 30 Nov 17:00.
    expect(byMetric(replayed?.clocks)['resolution']).toMatchObject({ status: 'running', dueAt: new Date('2026-11-30T17:00:00Z') });
  });

  it('meets a clock at the first stop that happened, not the first processed', () => {
    const events = complaintEvents();
    const early = events.acknowledged('2026-11-23T09:45:00Z');
    const late = events.acknowledged('2026-11-23T12:00:00Z');
    const replayed = replayComplaint(policies, [events.received('2026-11-20T16:30:00Z'), late, early]);
    expect(byMetric(replayed?.clocks)['acknowledgement']).toMatchObject({
      status: 'met',
      metAt: new Date('2026-11-23T09:45:00Z'),
      breachedAt: null,
    });
  });
});
