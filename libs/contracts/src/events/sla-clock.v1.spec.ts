import { EVENT_CATALOGUE } from '../event-catalogue';
import { STREAMS } from '../streams';
import { SlaClockBreachWithdrawnV1, SlaClocksChangedV1 } from './sla-clock.v1';

const acknowledgementMet = {
  metric: 'acknowledgement',
  status: 'met',
  previousStatus: 'running',
  startedAt: '2026-11-20T16:30:00.000Z',
  dueAt: '2026-11-23T10:30:00.000Z',
  warnAt: '2026-11-23T10:00:00.000Z',
  metAt: '2026-11-23T09:45:00.000Z',
  breachedAt: null,
  previousDueAt: '2026-11-23T10:30:00.000Z',
};

const changed = {
  policyId: 'mimo',
  policyVersion: 1,
  cause: { eventId: '0195f3a2-7c4e-7b1a-9c3d-2f6e8a1b4c5d', type: 'complaint.acknowledged' },
  clocks: [acknowledgementMet],
};

describe('sla.clocks-changed v1', () => {
  it('is in the catalogue, on a stream of its own beside the alerts', () => {
    expect(EVENT_CATALOGUE).toContain(SlaClocksChangedV1);
    expect(SlaClocksChangedV1.stream).toBe(STREAMS.slaClocks);
  });

  it('says which complaint event moved which clocks, from what to what', () => {
    expect(SlaClocksChangedV1.data.safeParse(changed).success).toBe(true);
    const started = {
      ...acknowledgementMet,
      status: 'running',
      previousStatus: null,
      metAt: null,
      previousDueAt: null,
    };
    expect(SlaClocksChangedV1.data.safeParse({ ...changed, clocks: [started] }).success).toBe(true);
  });

  it('announces at least one clock, each under a known status', () => {
    expect(SlaClocksChangedV1.data.safeParse({ ...changed, clocks: [] }).success).toBe(false);
    expect(
      SlaClocksChangedV1.data.safeParse({ ...changed, clocks: [{ ...acknowledgementMet, status: 'late' }] })
        .success,
    ).toBe(false);
  });

  it('leaves the explanation to the API', () => {
    const explained = { ...acknowledgementMet, explanation: 'Due 2 business hours after receipt.' };
    expect(SlaClocksChangedV1.data.safeParse({ ...changed, clocks: [explained] }).success).toBe(false);
  });

  it('names its cause by event id and type', () => {
    expect(
      SlaClocksChangedV1.data.safeParse({ ...changed, cause: { ...changed.cause, eventId: 'event-1' } })
        .success,
    ).toBe(false);
    expect(
      SlaClocksChangedV1.data.safeParse({ ...changed, cause: { ...changed.cause, type: 'Acknowledged!' } })
        .success,
    ).toBe(false);
  });
});

describe('sla.clock-breach-withdrawn v1', () => {
  const withdrawn = {
    metric: 'acknowledgement',
    policyId: 'mimo',
    policyVersion: 1,
    breachedAt: '2026-11-23T10:30:00.000Z',
    status: 'met',
    dueAt: '2026-11-23T10:30:00.000Z',
    metAt: '2026-11-23T09:45:00.000Z',
    cause: { eventId: '0195f3a2-7c4e-7b1a-9c3d-2f6e8a1b4c5d', type: 'complaint.acknowledged' },
  };

  it('is in the catalogue, on the stream of the breaches it withdraws', () => {
    expect(EVENT_CATALOGUE).toContain(SlaClockBreachWithdrawnV1);
    expect(SlaClockBreachWithdrawnV1.stream).toBe(STREAMS.sla);
  });

  it('says which breach it withdraws, what the clock is now and which late event showed it', () => {
    expect(SlaClockBreachWithdrawnV1.data.safeParse(withdrawn).success).toBe(true);
    const { breachedAt: _breachedAt, ...unnamed } = withdrawn;
    expect(SlaClockBreachWithdrawnV1.data.safeParse(unnamed).success).toBe(false);
    expect(SlaClockBreachWithdrawnV1.data.safeParse({ ...withdrawn, status: 'late' }).success).toBe(false);
  });

  it('names the breach event it withdraws, except in withdrawals published before it did', () => {
    const named = { ...withdrawn, breachEventId: '0195f3a2-7c4e-7b1a-9c3d-2f6e8a1b4c5e' };
    expect(SlaClockBreachWithdrawnV1.data.safeParse(named).success).toBe(true);
    expect(SlaClockBreachWithdrawnV1.data.safeParse(withdrawn).success).toBe(true);
    expect(SlaClockBreachWithdrawnV1.data.safeParse({ ...withdrawn, breachEventId: 'breach-1' }).success).toBe(false);
  });
});
