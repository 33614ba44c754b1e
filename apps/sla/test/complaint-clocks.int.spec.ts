import { SlaClocksChangedV1 } from '@complaints/contracts';
import { OutboxEntry } from '@complaints/messaging';
import { executeSql } from '@complaints/persistence';
import { complaintEvents } from '@complaints/service-testing';
import { PrometheusExporter, PrometheusSerializer } from '@opentelemetry/exporter-prometheus';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { v5 as uuidv5 } from 'uuid';
import { ApplyComplaintEvent } from '../src/clocks/apply-complaint-event';
import { ClockAlerts } from '../src/clocks/clock-alerts';
import { ClockMetrics } from '../src/clocks/clock-metrics';
import { timerEvents } from '../src/timers/timer-events';
import { clocksHarness } from './clocks-harness';

/*
 * A Mimo complaint received on Friday 20 November 2026 at 16:30 UTC, fed event by event
 * through the inbox and the clock rules into PostgreSQL, with time under the test's control.
 */
describe(ApplyComplaintEvent.name, () => {
  const receivedAt = '2026-11-20T16:30:00Z';
  const sla = clocksHarness(receivedAt);
  const { clock, repository, store, handlers, deliver, clocksOf, pendingTimers, outboxEvents } = sla;

  /** The warnings and breaches the timers announced. */
  async function alertsOf(complaintId: string): Promise<unknown[]> {
    return (await outboxEvents(complaintId))
      .filter((event) => event.type !== SlaClocksChangedV1.type)
      .map((event) => ({ type: event.type, data: event.data }));
  }

  /** What the complaint events announced about the clocks they changed. */
  async function clockAnnouncementsOf(complaintId: string) {
    return (await outboxEvents(complaintId))
      .filter((event) => event.type === SlaClocksChangedV1.type)
      .map((event) => ({ ...event, data: SlaClocksChangedV1.data.parse(event.data) }));
  }

  it('starts the clocks at receipt, with a warning and a breach timer for each, once however often the event comes', async () => {
    const events = complaintEvents();
    const received = events.received(receivedAt);
    await deliver(received);
    await deliver(received);

    const clocks = await clocksOf(events.complaintId);
    expect(clocks['acknowledgement']).toMatchObject({
      status: 'running',
      startedAt: '2026-11-20T16:30:00.000Z',
      dueAt: '2026-11-23T10:30:00.000Z',
    });
    expect(clocks['acknowledgement']?.explanation).toMatch(/2 business hours/);
    expect(clocks['resolution']).toMatchObject({ status: 'running', dueAt: '2026-11-27T17:00:00.000Z' });
    expect(clocks['survey_window']).toMatchObject({ status: 'pending', dueAt: null });
    expect(await pendingTimers(events.complaintId, 'acknowledgement')).toEqual({
      clock_warning: '2026-11-23T10:00:00.000Z',
      clock_breach: '2026-11-23T10:30:00.000Z',
    });
  });

  it('meets the acknowledgement when the complaint is acknowledged, and cancels its timers', async () => {
    const events = complaintEvents();
    await deliver(events.received(receivedAt));
    await deliver(events.acknowledged('2026-11-23T09:45:00Z'));

    expect((await clocksOf(events.complaintId))['acknowledgement']).toMatchObject({
      status: 'met',
      metAt: '2026-11-23T09:45:00.000Z',
      breachedAt: null,
      // Friday 16:30–17:00 and Monday 09:00–09:45, in business time.
      elapsedBusinessSeconds: 4_500,
      overdueBusinessSeconds: null,
    });
    expect(await pendingTimers(events.complaintId, 'acknowledgement')).toEqual({});
  });

  it('pauses resolution while awaiting the customer, and on the reply moves its deadline by the business time inside the pause', async () => {
    const events = complaintEvents();
    await deliver(events.received(receivedAt));
    await deliver(events.infoRequested('2026-11-23T11:00:00Z'));

    expect((await clocksOf(events.complaintId))['resolution']).toMatchObject({
      status: 'paused',
      dueAt: null,
    });
    expect(await pendingTimers(events.complaintId, 'resolution')).toEqual({});

    // Mon 11:00 → Tue 11:00 is 8 business hours: the deadline moves from Fri 27 to Mon 30 November 17:00.
    await deliver(events.customerReplied('2026-11-24T11:00:00Z'));
    const resolution = (await clocksOf(events.complaintId))['resolution'];
    expect(resolution).toMatchObject({ status: 'running', dueAt: '2026-11-30T17:00:00.000Z' });
    expect(resolution?.explanation).toMatch(/paused awaiting the customer/);
    expect((await pendingTimers(events.complaintId, 'resolution'))['clock_breach']).toBe(
      '2026-11-30T17:00:00.000Z',
    );
  });

  it('marks a clock breached when its breach timer fires, and emits sla.clock-breached once', async () => {
    const events = complaintEvents();
    await deliver(events.received(receivedAt));
    const scheduler = sla.db().scheduler(clock, handlers);

    clock.set(new Date('2026-11-23T10:00:00Z'));
    await scheduler.fireDue();
    clock.set(new Date('2026-11-23T10:30:00Z'));
    await scheduler.fireDue();
    clock.set(new Date('2026-11-23T10:31:00Z'));
    await scheduler.fireDue();

    expect((await clocksOf(events.complaintId))['acknowledgement']).toMatchObject({
      status: 'breached',
      breachedAt: '2026-11-23T10:30:00.000Z',
      // Still waiting for its acknowledgement: measured to now, a minute past the deadline.
      elapsedBusinessSeconds: 7_260,
      overdueBusinessSeconds: 60,
    });
    expect(await alertsOf(events.complaintId)).toEqual([
      {
        type: 'sla.clock-warning',
        data: expect.objectContaining({ metric: 'acknowledgement', dueAt: '2026-11-23T10:30:00.000Z' }),
      },
      {
        type: 'sla.clock-breached',
        data: expect.objectContaining({
          metric: 'acknowledgement',
          policyId: 'mimo',
          policyVersion: 1,
          dueAt: '2026-11-23T10:30:00.000Z',
          lagMs: 0,
        }),
      },
    ]);

    // Acknowledging late records when, and keeps the breach.
    await deliver(events.acknowledged('2026-11-23T11:00:00Z'));
    expect((await clocksOf(events.complaintId))['acknowledgement']).toMatchObject({
      status: 'breached',
      metAt: '2026-11-23T11:00:00.000Z',
      elapsedBusinessSeconds: 9_000,
      overdueBusinessSeconds: 1_800,
    });
  });

  it('lets a stale timer do nothing: a clock met before its deadline emits no breach', async () => {
    const events = complaintEvents();
    await deliver(events.received(receivedAt));
    const breach = await store.pending(sla.db().orm.em.fork(), {
      complaintId: events.complaintId,
      kind: 'clock_breach',
      subjectKey: 'acknowledgement',
    });
    await deliver(events.acknowledged('2026-11-23T09:00:00Z'));

    // Run the handler as if a replica had claimed the timer before the acknowledgement cancelled it.
    const [timer] = breach;
    if (!timer) throw new Error('the acknowledgement has no breach timer');
    const firing = { firedAt: timer.dueAt, lagMs: 0, late: false };
    const emitted: OutboxEntry[] = [];
    await sla
      .db()
      .unitOfWork()
      .run((tx) =>
        new ClockAlerts(repository).breach(tx, [
          { timer, firing, events: timerEvents(emitted, timer, firing), inSpan: (work) => work() },
        ]),
      );
    expect(emitted).toEqual([]);
  });

  describe('announcing on the outbox the clocks each event changed', () => {
    const acknowledgementAtReceipt = {
      metric: 'acknowledgement',
      startedAt: '2026-11-20T16:30:00.000Z',
      dueAt: '2026-11-23T10:30:00.000Z',
      warnAt: '2026-11-23T10:00:00.000Z',
      breachedAt: null,
    };

    it('announces every clock planned at receipt as new, once, under an id derived from the receipt', async () => {
      const events = complaintEvents();
      const received = events.received(receivedAt);
      await deliver(received);
      await deliver(received);

      const announced = await clockAnnouncementsOf(events.complaintId);
      expect(announced).toEqual([
        expect.objectContaining({
          id: uuidv5(SlaClocksChangedV1.type, received.id),
          occurredAt: received.occurredAt,
          actor: { kind: 'system', id: 'sla' },
        }),
      ]);
      const data = announced[0]?.data;
      expect(data).toMatchObject({
        policyId: 'mimo',
        policyVersion: 1,
        cause: { eventId: received.id, type: 'complaint.received' },
      });
      expect(
        data?.clocks.map(({ metric, status, previousStatus }) => ({ metric, status, previousStatus })),
      ).toEqual([
        { metric: 'acknowledgement', status: 'running', previousStatus: null },
        { metric: 'first_reply', status: 'running', previousStatus: null },
        { metric: 'resolution', status: 'running', previousStatus: null },
        { metric: 'survey_window', status: 'pending', previousStatus: null },
      ]);
      expect(data?.clocks[0]).toEqual({
        ...acknowledgementAtReceipt,
        status: 'running',
        previousStatus: null,
        metAt: null,
        previousDueAt: null,
      });
    });

    it('announces an acknowledgement as the acknowledgement clock met, and nothing else', async () => {
      const events = complaintEvents();
      await deliver(events.received(receivedAt));
      const acknowledged = events.acknowledged('2026-11-23T09:45:00Z');
      await deliver(acknowledged);

      expect((await clockAnnouncementsOf(events.complaintId)).at(-1)?.data).toEqual({
        policyId: 'mimo',
        policyVersion: 1,
        cause: { eventId: acknowledged.id, type: 'complaint.acknowledged' },
        clocks: [
          {
            ...acknowledgementAtReceipt,
            status: 'met',
            previousStatus: 'running',
            metAt: '2026-11-23T09:45:00.000Z',
            previousDueAt: '2026-11-23T10:30:00.000Z',
          },
        ],
      });
    });

    it('announces nothing for an event that changes no clock', async () => {
      const events = complaintEvents();
      await deliver(events.received(receivedAt));
      await deliver(events.resolved('2026-11-24T10:00:00Z'));
      const before = await clockAnnouncementsOf(events.complaintId);
      expect(before.map((announcement) => announcement.data.cause.type)).toEqual([
        'complaint.received',
        'complaint.resolved',
      ]);

      // A reopening restarts nothing: the promises kept at the resolution stay kept.
      await deliver(events.reopened('2026-11-24T11:00:00Z'));
      expect(await clockAnnouncementsOf(events.complaintId)).toEqual(before);
    });
  });

  describe("imolocale's regular_update, a clock each update restarts", () => {
    // Monday 2 November 2026 10:00 in Paris: first contact and receipt.
    const contact = '2026-11-02T09:00:00Z';
    const imolocaleEvents = () => complaintEvents({ policyId: 'imolocale', firstContactAt: contact });

    async function regularUpdateAlerts(complaintId: string): Promise<unknown[]> {
      return (await alertsOf(complaintId)).filter(
        (event) => (event as { data: { metric: string } }).data.metric === 'regular_update',
      );
    }

    it('moves both timers to the new span when an update comes in time', async () => {
      const events = imolocaleEvents();
      await deliver(events.received(contact));
      expect(await pendingTimers(events.complaintId, 'regular_update')).toEqual({
        clock_warning: '2026-11-03T03:00:00.000Z',
        clock_breach: '2026-11-03T09:00:00.000Z',
      });

      await deliver(events.responded('update', '2026-11-03T08:00:00Z'));
      expect((await clocksOf(events.complaintId))['regular_update']).toMatchObject({
        status: 'running',
        startedAt: '2026-11-03T09:00:00.000+01:00',
        dueAt: '2026-11-04T09:00:00.000+01:00',
      });
      expect(await pendingTimers(events.complaintId, 'regular_update')).toEqual({
        clock_warning: '2026-11-04T02:00:00.000Z',
        clock_breach: '2026-11-04T08:00:00.000Z',
      });
    });

    it('breaches a span whose deadline passes, then runs a new span with timers of its own from the next update', async () => {
      const events = imolocaleEvents();
      await deliver(events.received(contact));
      const scheduler = sla.db().scheduler(clock, handlers);
      clock.set(new Date('2026-11-03T09:00:00Z'));
      await scheduler.fireDue();

      expect((await clocksOf(events.complaintId))['regular_update']).toMatchObject({
        status: 'breached',
        breachedAt: '2026-11-03T10:00:00.000+01:00',
      });
      // The warning, fired with the breach, says nothing the breach does not.
      expect(await regularUpdateAlerts(events.complaintId)).toEqual([
        { type: 'sla.clock-breached', data: expect.objectContaining({ dueAt: '2026-11-03T09:00:00.000Z' }) },
      ]);

      await deliver(events.responded('update', '2026-11-03T12:00:00Z'));
      expect((await clocksOf(events.complaintId))['regular_update']).toMatchObject({
        status: 'running',
        startedAt: '2026-11-03T13:00:00.000+01:00',
        dueAt: '2026-11-04T13:00:00.000+01:00',
        breachedAt: null,
      });
      expect(await pendingTimers(events.complaintId, 'regular_update')).toEqual({
        clock_warning: '2026-11-04T06:00:00.000Z',
        clock_breach: '2026-11-04T12:00:00.000Z',
      });
    });

    it('still announces the breach of a span updated after its deadline but before its breach timer fired', async () => {
      const events = imolocaleEvents();
      await deliver(events.received(contact));
      await deliver(events.responded('update', '2026-11-03T10:00:00Z'));
      const breaches = await store.pending(sla.db().orm.em.fork(), {
        complaintId: events.complaintId,
        kind: 'clock_breach',
        subjectKey: 'regular_update',
      });
      expect(breaches.map((timer) => timer.dueAt.toISOString())).toEqual([
        '2026-11-03T09:00:00.000Z',
        '2026-11-04T10:00:00.000Z',
      ]);

      await sla.db().scheduler(clock, handlers).fireDue();
      expect(await regularUpdateAlerts(events.complaintId)).toEqual([
        {
          type: 'sla.clock-breached',
          data: expect.objectContaining({
            dueAt: '2026-11-03T09:00:00.000Z',
            warnAt: '2026-11-03T03:00:00.000Z',
            late: true,
          }),
        },
      ]);
      const regularUpdate = (await clocksOf(events.complaintId))['regular_update'];
      expect(regularUpdate).toMatchObject({ status: 'running', dueAt: '2026-11-04T11:00:00.000+01:00' });
      expect(regularUpdate?.explanation).toContain(
        'span 1 was breached at its deadline Tue 3 Nov 2026 10:00 (+01:00)',
      );
    });
  });

  it('counts clocks by status for the sla_clocks gauge', async () => {
    const prometheus = new PrometheusExporter({ preventServerStart: true });
    new ClockMetrics(
      () => repository.countByStatus(sla.db().orm.em.fork()),
      new MeterProvider({ readers: [prometheus] }).getMeter('sla'),
    );
    const { resourceMetrics } = await prometheus.collect();
    const text = new PrometheusSerializer().serialize(resourceMetrics);

    const [row] = await executeSql<{ count: string }>(
      sla.db().orm.em.fork(),
      `select count(*) as count from sla.clocks where status = 'running'`,
    );
    expect(text).toContain(`sla_clocks{status="running",otel_scope_name="sla"} ${row?.count}`);
    expect(text).toMatch(/sla_clocks\{status="breached",otel_scope_name="sla"\} [1-9]/);
    expect(text).toContain('sla_clocks{status="cancelled",otel_scope_name="sla"} 0');
  });
});
