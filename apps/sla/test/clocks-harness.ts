import { Envelope, envelopeSchema } from '@complaints/contracts';
import { Inbox, Outbox, TransactionEventSink } from '@complaints/messaging';
import { executeSql } from '@complaints/persistence';
import { PolicyRegistry, builtInPolicies } from '@complaints/policy';
import { ApplyComplaintEvent } from '../src/clocks/apply-complaint-event';
import { BreachWatermarkHold, ComplaintEventsWatermark } from '../src/clocks/breach-watermark-hold';
import { registerClockAlerts } from '../src/clocks/clock-alerts';
import { ClockTimerWriter } from '../src/clocks/clock-timer-writer';
import { ComplaintEnvelope } from '../src/clocks/complaint-event-rules';
import { GetComplaintClocks } from '../src/clocks/get-complaint-clocks';
import { SqlComplaintClocksRepository } from '../src/clocks/sql-complaint-clocks.repository';
import { SqlComplaintEventLog } from '../src/clocks/sql-complaint-event-log';
import { TimerHandlers } from '../src/timers/timer-handlers';
import { TimerStore } from '../src/timers/timer-store';
import { FakeClock, TimerTestDatabase, silentLogger } from './timer-fixture';

const caughtUp: ComplaintEventsWatermark = { read: async () => ({ state: 'caught_up' }) };

/**
 * sla's clock pipeline over a database of the test file's own, with time under the test's
 * control: events go through the inbox and the clock rules as the consumer takes them, timers
 * fire through the clock alerts, and the test reads back clocks, timers and the outbox. Call it
 * in the file's `describe`: it creates the database before the tests and drops it after.
 * Breaches wait on `watermark`, by default a consumer that has processed everything.
 */
export function clocksHarness(startsAt: string, watermark: ComplaintEventsWatermark = caughtUp) {
  const clock = new FakeClock(new Date(startsAt));
  const repository = new SqlComplaintClocksRepository();
  const policies = new PolicyRegistry(builtInPolicies());
  const store = new TimerStore(clock);
  const applyEvent = new ApplyComplaintEvent(
    repository,
    new SqlComplaintEventLog(),
    policies,
    new ClockTimerWriter(store),
    clock,
  );
  const handlers = new TimerHandlers();
  registerClockAlerts(handlers, repository, new BreachWatermarkHold(watermark, { maxDeferMs: 180_000 }, silentLogger).hold);
  const inbox = new Inbox('sla', 'sla');
  const outbox = new Outbox('sla');
  let database: TimerTestDatabase | undefined;

  beforeAll(async () => {
    database = await TimerTestDatabase.create();
  });
  afterAll(() => database?.close());

  const db = (): TimerTestDatabase => {
    if (!database) throw new Error('the database exists once the tests run');
    return database;
  };

  return {
    clock,
    repository,
    policies,
    store,
    handlers,
    db,

    /** What the consumer does with one delivered event, at the instant sla gets to it (when it happened unless said). */
    async deliver(event: ComplaintEnvelope, processedAt: string | number = event.occurredAt): Promise<void> {
      clock.set(new Date(processedAt));
      await inbox.processOnce(db().orm.em, event, (tx) =>
        applyEvent.execute(tx, new TransactionEventSink(outbox, tx), event),
      );
    },

    /** The complaint's clocks as `GET /v1/complaints/:id/sla` shows them, by metric. */
    async clocksOf(complaintId: string) {
      const view = await new GetComplaintClocks(db().orm.em, repository, policies, clock).execute({
        principal: { name: 'agent', role: 'agent', organisationId: '*' },
        complaintId,
      });
      return Object.fromEntries(view.clocks.map((clockView) => [clockView.metric, clockView]));
    },

    /** The timers still to fire for one of the complaint's clocks: kind → due instant. */
    async pendingTimers(complaintId: string, metric: string): Promise<Record<string, string>> {
      const timers = await store.pending(db().orm.em.fork(), { complaintId, subjectKey: metric });
      return Object.fromEntries(timers.map((timer) => [timer.kind, timer.dueAt.toISOString()]));
    },

    /** What sla announced about the complaint, oldest first. */
    async outboxEvents(complaintId: string): Promise<Envelope[]> {
      const rows = await executeSql<{ payload: unknown }>(
        db().orm.em.fork(),
        `select payload from sla.outbox where complaint_id = ? order by created_at`,
        [complaintId],
      );
      return rows.map((row) => envelopeSchema.parse(row.payload));
    },
  };
}
