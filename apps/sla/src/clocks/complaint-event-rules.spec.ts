import { complaintEvents } from '@complaints/service-testing';
import { ComplaintEnvelope, applyComplaintEvent, complaintEventEffect } from './complaint-event-rules';
import { SlaComplaint, clockFactsOf } from './sla-complaint';

describe(complaintEventEffect.name, () => {
  const events = complaintEvents();

  function replay(...envelopes: ComplaintEnvelope[]): SlaComplaint | undefined {
    return envelopes.reduce<SlaComplaint | undefined>((known, envelope) => {
      const effect = complaintEventEffect(envelope);
      return effect ? applyComplaintEvent(known, effect) : known;
    }, undefined);
  }

  it.each([
    ['first_reply', ['responded']],
    ['interim', ['responded', 'interim_response_sent']],
    ['findings', ['responded', 'findings_reported']],
    ['final', ['responded', 'corrective_actions_proposed']],
    ['update', ['responded', 'update_sent']],
  ] as const)('maps a %s response to the clock events %j', (responseType, clockEvents) => {
    expect(complaintEventEffect(events.responded(responseType, '2026-11-23T10:00:00Z'))?.clockEvents).toEqual(clockEvents);
  });

  it('maps acknowledged, resolved and closed to the clock events of the same name, at the event', () => {
    for (const [envelope, clockEvent] of [
      [events.acknowledged('2026-11-23T10:00:00Z'), 'acknowledged'],
      [events.resolved('2026-11-23T10:00:00Z'), 'resolved'],
      [events.closed('2026-11-23T10:00:00Z'), 'closed'],
    ] as const) {
      expect(complaintEventEffect(envelope)).toMatchObject({ clockEvents: [clockEvent], at: Date.parse('2026-11-23T10:00:00Z') });
    }
  });

  it('dates a customer reply at its receipt, not at when it was recorded', () => {
    const effect = complaintEventEffect(events.customerReplied('2026-11-24T12:00:00Z', '2026-11-24T09:30:00Z'));
    expect(effect).toMatchObject({ clockEvents: ['customer_replied'], at: Date.parse('2026-11-24T09:30:00Z') });
  });

  it('ignores events that touch no clock', () => {
    expect(complaintEventEffect(events.escalationRequested('2026-11-23T10:00:00Z'))).toBeUndefined();
  });

  it('knows a complaint from its receipt only', () => {
    expect(replay(events.acknowledged('2026-11-23T10:00:00Z'))).toBeUndefined();
    expect(replay(events.received('2026-11-20T16:30:00Z'))).toMatchObject({
      complaintId: events.complaintId,
      policyId: 'mimo',
      kind: 'complaint',
      channel: 'email',
      receivedAt: Date.parse('2026-11-20T16:30:00Z'),
      thirdParty: false,
      pauses: [],
      clockEvents: [],
    });
  });

  it('pauses for the customer from the request until the reply arrived, and records the reply as a clock event', () => {
    const complaint = replay(
      events.received('2026-11-20T16:30:00Z'),
      events.infoRequested('2026-11-23T11:00:00Z'),
      events.infoRequested('2026-11-23T12:00:00Z'),
      events.customerReplied('2026-11-24T12:00:00Z', '2026-11-24T09:30:00Z'),
    );
    expect(complaint).toMatchObject({
      informationRequestedAt: Date.parse('2026-11-23T12:00:00Z'),
      pauses: [{ from: Date.parse('2026-11-23T11:00:00Z'), to: Date.parse('2026-11-24T09:30:00Z'), reason: 'awaiting_customer' }],
      clockEvents: [{ event: 'customer_replied', at: Date.parse('2026-11-24T09:30:00Z') }],
    });
  });

  it('records every clock event of an update, so a recurring clock can restart from it', () => {
    const complaint = replay(events.received('2026-11-20T16:30:00Z'), events.responded('update', '2026-11-21T10:00:00Z'));
    expect(complaint?.clockEvents).toEqual([
      { event: 'responded', at: Date.parse('2026-11-21T10:00:00Z') },
      { event: 'update_sent', at: Date.parse('2026-11-21T10:00:00Z') },
    ]);
  });

  it('gives the planner the clock events earliest first, a reply recorded late included', () => {
    const complaint = replay(
      events.received('2026-11-20T16:30:00Z'),
      events.infoRequested('2026-11-23T11:00:00Z'),
      events.responded('update', '2026-11-24T10:00:00Z'),
      events.customerReplied('2026-11-24T12:00:00Z', '2026-11-24T09:30:00Z'),
    );
    if (!complaint) throw new Error('the complaint was received');
    expect(clockFactsOf(complaint).events.map((seen) => seen.event)).toEqual(['customer_replied', 'responded', 'update_sent']);
  });

  it('drops a pause the reply ended before it began', () => {
    const complaint = replay(
      events.received('2026-11-20T16:30:00Z'),
      events.infoRequested('2026-11-23T11:00:00Z'),
      events.customerReplied('2026-11-23T12:00:00Z', '2026-11-23T10:00:00Z'),
    );
    expect(complaint?.pauses).toEqual([]);
  });
});
