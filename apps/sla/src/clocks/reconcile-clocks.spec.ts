import { PolicyDocument, builtInPolicy, planClocksForFacts } from '@complaints/policy';
import { complaintEvents } from '@complaints/service-testing';
import { ClockState } from './clock-state';
import { ComplaintEnvelope, applyComplaintEvent, complaintEventEffect } from './complaint-event-rules';
import { reconcileClocks } from './reconcile-clocks';
import { SlaComplaint, clockFactsOf } from './sla-complaint';

const mimo = builtInPolicy('mimo');
const imolocale = builtInPolicy('imolocale');

/** Feeds events one by one, reconciling after each, as the consumer does. */
function clocksUnder(policy: PolicyDocument, ...envelopes: ComplaintEnvelope[]): ClockState[] {
  let complaint: SlaComplaint | undefined;
  let clocks: ClockState[] = [];
  for (const envelope of envelopes) {
    const effect = complaintEventEffect(envelope);
    complaint = effect ? applyComplaintEvent(complaint, effect) : complaint;
    if (complaint) clocks = reconcileClocks(planClocksForFacts(policy, clockFactsOf(complaint)), complaint, clocks);
  }
  return clocks;
}

const clocksAfter = (...envelopes: ComplaintEnvelope[]): ClockState[] => clocksUnder(mimo, ...envelopes);

/** The facts after these events, as the consumer would have stored them. */
function complaintAfter(...envelopes: ComplaintEnvelope[]): SlaComplaint {
  const complaint = envelopes.reduce<SlaComplaint | undefined>((known, envelope) => {
    const effect = complaintEventEffect(envelope);
    return effect ? applyComplaintEvent(known, effect) : known;
  }, undefined);
  if (!complaint) throw new Error('the events do not include the receipt');
  return complaint;
}

function metricOf(clocks: readonly ClockState[], metric: string): ClockState {
  const clock = clocks.find((candidate) => candidate.metric === metric);
  if (!clock) throw new Error(`no ${metric} clock`);
  return clock;
}

const byMetric = (clocks: readonly ClockState[]) => Object.fromEntries(clocks.map((clock) => [clock.metric, clock]));
const at = (iso: string) => new Date(iso);

describe(reconcileClocks.name, () => {
  const received = '2026-11-20T16:30:00Z';

  it('starts every Mimo clock at receipt on a Friday afternoon, and waits for the survey', () => {
    const events = complaintEvents();
    const clocks = byMetric(clocksAfter(events.received(received)));
    expect(clocks['acknowledgement']).toMatchObject({ status: 'running', startedAt: at(received), dueAt: at('2026-11-23T10:30:00Z') });
    expect(clocks['first_reply']).toMatchObject({ status: 'running', dueAt: at('2026-11-23T16:30:00Z') });
    expect(clocks['resolution']).toMatchObject({ status: 'running', dueAt: at('2026-11-27T17:00:00Z') });
    expect(clocks['survey_window']).toMatchObject({ status: 'pending', startedAt: null, dueAt: null });
    expect(clocks['acknowledgement']?.explanation).toContain('2 business hours');
  });

  it('meets the clocks an event stops, at the event, and leaves the others running', () => {
    const events = complaintEvents();
    const clocks = byMetric(clocksAfter(events.received(received), events.acknowledged('2026-11-23T10:00:00Z')));
    expect(clocks['acknowledgement']).toMatchObject({ status: 'met', metAt: at('2026-11-23T10:00:00Z'), breachedAt: null });
    expect(clocks['acknowledgement']?.steps.at(-1)).toContain('met: acknowledged');
    expect(clocks['first_reply']?.status).toBe('running');
  });

  it('counts a promise kept after its deadline as breached at the deadline', () => {
    const events = complaintEvents();
    const clocks = byMetric(clocksAfter(events.received(received), events.acknowledged('2026-11-23T11:00:00Z')));
    expect(clocks['acknowledgement']).toMatchObject({
      status: 'breached',
      breachedAt: at('2026-11-23T10:30:00Z'),
      metAt: at('2026-11-23T11:00:00Z'),
    });
  });

  it('pauses resolution while awaiting the customer and moves its deadline by the business time of the pause', () => {
    const events = complaintEvents();
    const paused = byMetric(clocksAfter(events.received(received), events.infoRequested('2026-11-23T11:00:00Z')));
    expect(paused['resolution']).toMatchObject({ status: 'paused', dueAt: null, warnAt: null });
    // Acknowledgement and first reply never pause.
    expect(paused['first_reply']).toMatchObject({ status: 'running', dueAt: at('2026-11-23T16:30:00Z') });

    const resumed = byMetric(
      clocksAfter(events.received(received), events.infoRequested('2026-11-23T11:00:00Z'), events.customerReplied('2026-11-24T11:00:00Z')),
    );
    // Mon 11:00 → Tue 11:00 holds 8 business hours: Fri 27 Nov 17:00 + 8 h → Mon 30 Nov 17:00.
    expect(resumed['resolution']).toMatchObject({ status: 'running', dueAt: at('2026-11-30T17:00:00Z') });
  });

  it('keeps a breach as history: a later stop only records when the promise was kept', () => {
    const events = complaintEvents();
    const breachedAck: ClockState = {
      ...metricOf(clocksAfter(events.received(received)), 'acknowledgement'),
      status: 'breached',
      breachedAt: at('2026-11-23T10:30:00Z'),
    };
    const complaint = complaintAfter(events.received(received), events.acknowledged('2026-11-23T12:00:00Z'));
    const clocks = byMetric(reconcileClocks(planClocksForFacts(mimo, clockFactsOf(complaint)), complaint, [breachedAck]));
    expect(clocks['acknowledgement']).toMatchObject({
      status: 'breached',
      breachedAt: at('2026-11-23T10:30:00Z'),
      metAt: at('2026-11-23T12:00:00Z'),
    });
  });

  it('on closing, meets the running clocks closing stops and cancels the ones that never started', () => {
    const events = complaintEvents();
    const clocks = byMetric(
      clocksAfter(events.received(received), events.acknowledged('2026-11-23T10:00:00Z'), events.closed('2026-11-24T10:00:00Z')),
    );
    expect(clocks['acknowledgement']).toMatchObject({ status: 'met', metAt: at('2026-11-23T10:00:00Z') });
    expect(clocks['resolution']).toMatchObject({ status: 'met', metAt: at('2026-11-24T10:00:00Z') });
    expect(clocks['survey_window']?.status).toBe('cancelled');
  });

  it('on closing after a deadline passed, breaches a clock closing does not stop, rather than cancel it', () => {
    // Every built-in clock stops on closing; a policy may leave that out.
    const unstoppedByClosing = { ...mimo, clocks: mimo.clocks.map((clock) => ({ ...clock, stopsOn: clock.stopsOn.filter((event) => event !== 'closed') })) };
    const events = complaintEvents();
    const clocks = byMetric(clocksUnder(unstoppedByClosing, events.received(received), events.closed('2026-11-23T12:00:00Z')));
    expect(clocks['acknowledgement']).toMatchObject({ status: 'breached', breachedAt: at('2026-11-23T10:30:00Z'), metAt: null });
    expect(clocks['resolution']?.status).toBe('cancelled');
  });

  it('meets the first reply with an update: it is a reply to the customer', () => {
    const events = complaintEvents();
    const clocks = byMetric(clocksAfter(events.received(received), events.responded('update', '2026-11-23T10:00:00Z')));
    expect(clocks['first_reply']).toMatchObject({ status: 'met', metAt: at('2026-11-23T10:00:00Z') });
  });

  describe("imolocale's regular_update, which each update restarts", () => {
    // Monday 2 November 2026 10:00 in Paris (+01:00).
    const contact = '2026-11-02T09:00:00Z';
    const imolocaleEvents = () => complaintEvents({ policyId: 'imolocale', firstContactAt: contact });

    it('runs a new span from an update sent in time, due 24 hours after it, and moves no other clock', () => {
      const events = imolocaleEvents();
      const clocks = byMetric(
        clocksUnder(imolocale, events.received(contact), events.acknowledged('2026-11-02T10:00:00Z'), events.responded('update', '2026-11-03T08:00:00Z')),
      );
      expect(clocks['regular_update']).toMatchObject({
        status: 'running',
        startedAt: at('2026-11-03T08:00:00Z'),
        dueAt: at('2026-11-04T08:00:00Z'),
        warnAt: at('2026-11-04T02:00:00Z'),
      });
      expect(clocks['regular_update']?.steps).toContain(
        'span 2: restarted by update_sent at Tue 3 Nov 2026 09:00 (+01:00); span 1 (due Tue 3 Nov 2026 10:00 (+01:00)) was kept',
      );
      expect(clocks['escalation_level_2']).toMatchObject({ status: 'running', dueAt: at('2026-11-03T09:00:00Z') });
    });

    it('brings a breached span back to running at the next update, with a deadline of its own', () => {
      const events = imolocaleEvents();
      const lapsed: ClockState = {
        ...metricOf(clocksUnder(imolocale, events.received(contact)), 'regular_update'),
        status: 'breached',
        breachedAt: at('2026-11-03T09:00:00Z'),
      };
      const complaint = complaintAfter(events.received(contact), events.responded('update', '2026-11-03T12:00:00Z'));
      const clocks = byMetric(reconcileClocks(planClocksForFacts(imolocale, clockFactsOf(complaint)), complaint, [lapsed]));
      expect(clocks['regular_update']).toMatchObject({
        status: 'running',
        startedAt: at('2026-11-03T12:00:00Z'),
        dueAt: at('2026-11-04T12:00:00Z'),
        metAt: null,
        breachedAt: null,
      });
      expect(clocks['regular_update']?.explanation).toContain('span 1 was breached at its deadline Tue 3 Nov 2026 10:00 (+01:00)');
    });

    it('keeps it met from the resolution: an update after a reopening starts no new span', () => {
      const events = imolocaleEvents();
      const clocks = byMetric(
        clocksUnder(
          imolocale,
          events.received(contact),
          events.resolved('2026-11-02T15:00:00Z'),
          events.reopened('2026-11-03T08:00:00Z'),
          events.responded('update', '2026-11-03T09:00:00Z'),
        ),
      );
      expect(clocks['regular_update']).toMatchObject({ status: 'met', startedAt: at(contact), metAt: at('2026-11-02T15:00:00Z') });
    });
  });

  it('cancels a clock the policy no longer has for the complaint', () => {
    const events = complaintEvents();
    const orphan: ClockState = {
      metric: 'interim_response',
      status: 'running',
      startedAt: at(received),
      dueAt: at('2026-11-25T17:00:00Z'),
      warnAt: null,
      metAt: null,
      breachedAt: null,
      explanation: 'interim_response.',
      steps: ['interim_response'],
    };
    const complaint = complaintAfter(events.received(received));
    const clocks = byMetric(reconcileClocks(planClocksForFacts(mimo, clockFactsOf(complaint)), complaint, [orphan]));
    expect(clocks['interim_response']?.status).toBe('cancelled');
  });
});
