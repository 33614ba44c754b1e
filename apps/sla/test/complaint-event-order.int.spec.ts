import { Envelope, SlaClockBreachWithdrawnV1, SlaClockBreachedV1 } from '@complaints/contracts';
import { complaintEvents } from '@complaints/service-testing';
import { ApplyComplaintEvent } from '../src/clocks/apply-complaint-event';
import { clocksHarness } from './clocks-harness';

/*
 * A Mimo complaint received on Friday 20 November 2026 at 16:30 UTC, whose acknowledgement is
 * due on Monday 23 at 10:30, with its events reaching sla out of the order they happened in:
 * several intake relays, several sla replicas and any back-off reorder them.
 */
describe(`${ApplyComplaintEvent.name} with events out of order`, () => {
  const receivedAt = '2026-11-20T16:30:00Z';
  const sla = clocksHarness(receivedAt);
  const { clock, handlers, deliver, clocksOf, pendingTimers } = sla;

  async function outboxEvents(complaintId: string, type: string): Promise<Envelope[]> {
    return (await sla.outboxEvents(complaintId)).filter((event) => event.type === type);
  }

  it('keeps an event processed before the receipt, and meets its clock when the receipt comes', async () => {
    const events = complaintEvents();
    const acknowledged = events.acknowledged('2026-11-23T09:45:00Z');
    const received = events.received(receivedAt);
    await deliver(acknowledged);
    await deliver(received, '2026-11-23T09:46:00Z');

    expect((await clocksOf(events.complaintId))['acknowledgement']).toMatchObject({
      status: 'met',
      metAt: '2026-11-23T09:45:00.000Z',
      breachedAt: null,
    });
    expect(await pendingTimers(events.complaintId, 'acknowledgement')).toEqual({});
    expect((await clocksOf(events.complaintId))['resolution']).toMatchObject({
      status: 'running',
      dueAt: '2026-11-27T17:00:00.000Z',
    });
  });

  it('ends the pause when the customer reply is processed before the request for information', async () => {
    const events = complaintEvents();
    await deliver(events.received(receivedAt));
    const request = events.infoRequested('2026-11-23T11:00:00Z');
    const reply = events.customerReplied('2026-11-24T11:00:00Z');
    await deliver(reply);
    await deliver(request, '2026-11-24T11:01:00Z');

    // Mon 11:00 → Tue 11:00 holds 8 business hours: Fri 27 Nov 17:00 + 8 h → Mon 30 Nov 17:00.
    expect((await clocksOf(events.complaintId))['resolution']).toMatchObject({
      status: 'running',
      dueAt: '2026-11-30T17:00:00.000Z',
    });
    expect((await pendingTimers(events.complaintId, 'resolution'))['clock_breach']).toBe(
      '2026-11-30T17:00:00.000Z',
    );
  });

  it('meets a clock at the first stop that happened when two arrive in reverse order', async () => {
    const events = complaintEvents();
    await deliver(events.received(receivedAt));
    const inTime = events.acknowledged('2026-11-23T09:45:00Z');
    const afterTheDeadline = events.acknowledged('2026-11-23T12:00:00Z');
    await deliver(afterTheDeadline);
    await deliver(inTime, '2026-11-23T12:01:00Z');

    expect((await clocksOf(events.complaintId))['acknowledgement']).toMatchObject({
      status: 'met',
      metAt: '2026-11-23T09:45:00.000Z',
      breachedAt: null,
    });
  });

  it('withdraws a fired breach, once and by its event id, when an acknowledgement made before the deadline arrives after it', async () => {
    const events = complaintEvents();
    await deliver(events.received(receivedAt));
    const scheduler = sla.db().scheduler(clock, handlers);
    clock.set(new Date('2026-11-23T10:30:00Z'));
    await scheduler.fireDue();
    expect((await clocksOf(events.complaintId))['acknowledgement']).toMatchObject({ status: 'breached' });
    const breaches = await outboxEvents(events.complaintId, SlaClockBreachedV1.type);
    expect(breaches).toHaveLength(1);
    const [breach] = breaches;

    const acknowledged = events.acknowledged('2026-11-23T09:45:00Z');
    await deliver(acknowledged, '2026-11-23T10:35:00Z');
    await deliver(acknowledged, '2026-11-23T10:36:00Z');

    expect((await clocksOf(events.complaintId))['acknowledgement']).toMatchObject({
      status: 'met',
      metAt: '2026-11-23T09:45:00.000Z',
      breachedAt: null,
    });
    const withdrawals = await outboxEvents(events.complaintId, SlaClockBreachWithdrawnV1.type);
    expect(withdrawals).toEqual([
      expect.objectContaining({
        occurredAt: '2026-11-23T10:35:00.000Z',
        data: {
          metric: 'acknowledgement',
          policyId: 'mimo',
          policyVersion: 1,
          breachedAt: '2026-11-23T10:30:00.000Z',
          breachEventId: breach?.id,
          status: 'met',
          dueAt: '2026-11-23T10:30:00.000Z',
          metAt: '2026-11-23T09:45:00.000Z',
          cause: { eventId: acknowledged.id, type: 'complaint.acknowledged' },
        },
      }),
    ]);
  });

  it.each(['the closure', 'its withdrawal'])(
    'resumes the clocks a withdrawn closure stopped, with their deadlines and timers, when %s arrives first',
    async (first) => {
      const events = complaintEvents();
      await deliver(events.received(receivedAt));
      await deliver(events.acknowledged('2026-11-23T09:45:00Z'));
      const closed = events.closedForNonCooperation('2026-11-24T10:00:00Z');
      const withdrawn = events.closureWithdrawn(closed, events.clockBreached('resolution'), 'in_progress', '2026-11-24T12:00:00Z');
      const resolution = { status: 'running', dueAt: '2026-11-27T17:00:00.000Z' };
      const [earlier, later] = first === 'the closure' ? ([closed, withdrawn] as const) : ([withdrawn, closed] as const);
      await deliver(earlier);
      if (first === 'the closure') {
        expect((await clocksOf(events.complaintId))['resolution']).toMatchObject({ status: 'met', metAt: '2026-11-24T10:00:00.000Z' });
        expect(await pendingTimers(events.complaintId, 'resolution')).toEqual({});
      }
      await deliver(later);

      expect((await clocksOf(events.complaintId))['resolution']).toMatchObject(resolution);
      expect((await pendingTimers(events.complaintId, 'resolution'))['clock_breach']).toBe(resolution.dueAt);
    },
  );

  it('keeps a fired breach when the late event does not contradict it', async () => {
    const events = complaintEvents();
    await deliver(events.received(receivedAt));
    const scheduler = sla.db().scheduler(clock, handlers);
    clock.set(new Date('2026-11-23T10:30:00Z'));
    await scheduler.fireDue();

    await deliver(events.infoRequested('2026-11-23T11:00:00Z'));
    await deliver(events.acknowledged('2026-11-23T11:30:00Z'));

    expect((await clocksOf(events.complaintId))['acknowledgement']).toMatchObject({
      status: 'breached',
      breachedAt: '2026-11-23T10:30:00.000Z',
      metAt: '2026-11-23T11:30:00.000Z',
    });
    expect(await outboxEvents(events.complaintId, SlaClockBreachWithdrawnV1.type)).toEqual([]);
  });
});
