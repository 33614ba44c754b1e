import { Envelope, STREAMS, SlaClockBreachWithdrawnV1, SlaClockBreachedV1 } from '@complaints/contracts';
import {
  ConsumerProgress,
  DurableEventConsumer,
  HandlerResult,
  Topology,
  connectNats,
  readConsumerProgress,
} from '@complaints/messaging';
import { TestBus, complaintEvents } from '@complaints/service-testing';
import { deleteNamespaceStreams, testInfrastructure, uniqueNamespace, waitFor } from '@complaints/testing';
import { BreachWatermarkHold } from '../src/clocks/breach-watermark-hold';
import { CLOCK_EVENTS, ComplaintEnvelope } from '../src/clocks/complaint-event-rules';
import { clocksHarness } from './clocks-harness';
import { silentLogger } from './timer-fixture';

type NatsConnection = Awaited<ReturnType<typeof connectNats>>;

/** A Friday at 16:30 UTC at least a week from now: its Mimo acknowledgement is due Monday at 10:30, after anything stored today. */
function fridayAfternoonAhead(): { receivedAt: string; acknowledgementDueAt: Date } {
  const day = new Date(Date.now() + 7 * 86_400_000);
  day.setUTCDate(day.getUTCDate() + ((5 - day.getUTCDay() + 7) % 7));
  const friday = day.toISOString().slice(0, 10);
  const monday = new Date(`${friday}T10:30:00.000Z`);
  monday.setUTCDate(monday.getUTCDate() + 3);
  return { receivedAt: `${friday}T16:30:00.000Z`, acknowledgementDueAt: monday };
}

/**
 * sla's complaint-events consumer on a JetStream namespace of the test's own, handing each event
 * to the clock pipeline only when the test says so: until then the event waits delivered and
 * unacknowledged, as behind a slow or stuck replica.
 */
class HeldComplaintConsumer {
  private readonly waiting: { envelope: Envelope; settle: (result: HandlerResult) => void }[] = [];
  private consumer: DurableEventConsumer | undefined;

  constructor(
    private readonly nats: NatsConnection,
    private readonly topology: Topology,
  ) {}

  async start(): Promise<void> {
    this.consumer = new DurableEventConsumer(this.nats.jetstream(), await this.nats.jetstreamManager(), this.topology, silentLogger, {
      durable: 'sla',
      events: CLOCK_EVENTS,
      handle: (envelope) => new Promise((settle) => this.waiting.push({ envelope, settle })),
    });
    await this.consumer.start();
  }

  async progress(): Promise<ConsumerProgress> {
    return readConsumerProgress(await this.nats.jetstreamManager(), {
      stream: this.topology.streamName(STREAMS.complaints),
      durable: 'sla',
      filterSubject: this.topology.streamSubjects(STREAMS.complaints),
    });
  }

  /** Hands the oldest waiting event to `process`, then acknowledges it. */
  async processNext(process: (event: ComplaintEnvelope) => Promise<void>): Promise<void> {
    const next = await waitFor('an event delivered to sla', () => this.waiting.shift());
    const jsm = await this.nats.jetstreamManager();
    const stream = this.topology.streamName(STREAMS.complaints);
    const floor = (await jsm.consumers.info(stream, 'sla')).ack_floor.stream_seq;
    await process(next.envelope as ComplaintEnvelope);
    next.settle({ outcome: 'processed' });
    await waitFor('its acknowledgement', async () => (await jsm.consumers.info(stream, 'sla')).ack_floor.stream_seq > floor);
  }

  async stop(): Promise<void> {
    this.waiting.splice(0).forEach(({ settle }) => settle({ outcome: 'retry' }));
    await this.consumer?.stop();
  }
}

describe(`${BreachWatermarkHold.name} on JetStream`, () => {
  const { receivedAt, acknowledgementDueAt } = fridayAfternoonAhead();
  const after = (ms: number) => new Date(acknowledgementDueAt.getTime() + ms);
  const namespace = uniqueNamespace();
  const topology = new Topology(namespace);
  let natsUrl: string;
  let nats: NatsConnection;
  let bus: TestBus;
  let consumer: HeldComplaintConsumer;
  const sla = clocksHarness(receivedAt, { read: () => consumer.progress() });
  const { clock, handlers, clocksOf } = sla;

  beforeAll(async () => {
    ({ natsUrl } = await testInfrastructure());
    nats = await connectNats({ natsUrl, serviceName: 'sla' });
    bus = await TestBus.connect(natsUrl, namespace);
    consumer = new HeldComplaintConsumer(nats, topology);
    await consumer.start();
  }, 30_000);

  afterAll(async () => {
    await consumer.stop();
    await bus.close();
    await nats.close();
    await deleteNamespaceStreams(natsUrl, namespace);
  });

  const process = (processedAt: Date) => (event: ComplaintEnvelope) => sla.deliver(event, processedAt.getTime());

  async function announced(complaintId: string, type: string): Promise<Envelope[]> {
    return (await sla.outboxEvents(complaintId)).filter((event) => event.type === type);
  }

  /** Fires what is due at `instant`; returns how many timers fired. */
  function fireAt(instant: Date): Promise<number> {
    clock.set(instant);
    return sla.db().scheduler(clock, handlers).fireDue();
  }

  /** A complaint sla has received, its acknowledgement clock running towards Monday 10:30, past its warning. */
  async function receivedComplaint() {
    const events = complaintEvents();
    await bus.publish(events.received(receivedAt));
    await consumer.processNext(process(new Date(receivedAt)));
    expect((await clocksOf(events.complaintId))['acknowledgement']).toMatchObject({
      status: 'running',
      dueAt: acknowledgementDueAt.toISOString(),
    });
    await fireAt(after(-1));
    return events;
  }

  it('declares no breach while an acknowledgement stored before the deadline waits unprocessed, which then meets the clock', async () => {
    const events = await receivedComplaint();
    await bus.publish(events.acknowledged(after(-15 * 60_000).toISOString()));

    expect(await fireAt(after(5000))).toBe(0);
    expect((await clocksOf(events.complaintId))['acknowledgement']).toMatchObject({ status: 'running' });
    expect(await announced(events.complaintId, SlaClockBreachedV1.type)).toEqual([]);

    await consumer.processNext(process(after(6000)));
    expect(await fireAt(after(60_000))).toBe(0);
    expect((await clocksOf(events.complaintId))['acknowledgement']).toMatchObject({
      status: 'met',
      metAt: after(-15 * 60_000).toISOString(),
      breachedAt: null,
    });
    expect(await announced(events.complaintId, SlaClockBreachedV1.type)).toEqual([]);
    expect(await announced(events.complaintId, SlaClockBreachWithdrawnV1.type)).toEqual([]);
  }, 20_000);

  it('declares the breach at its next look once every event stored before the deadline is processed', async () => {
    const events = await receivedComplaint();
    // Another complaint's event, stored before the deadline and not processed yet (sla keeps it, for a receipt to come).
    await bus.publish(complaintEvents().acknowledged());

    expect(await fireAt(after(5000))).toBe(0);
    await consumer.processNext(process(after(6000)));
    expect(await consumer.progress()).toEqual({ state: 'caught_up' });
    // Held until its next look, 5 s after the first (as long as it had waited then).
    expect(await fireAt(after(9000))).toBe(0);

    expect(await fireAt(after(10_001))).toBe(1);
    expect((await clocksOf(events.complaintId))['acknowledgement']).toMatchObject({
      status: 'breached',
      breachedAt: acknowledgementDueAt.toISOString(),
    });
    const [breach] = await announced(events.complaintId, SlaClockBreachedV1.type);
    expect(breach?.data).toMatchObject({ dueAt: acknowledgementDueAt.toISOString(), lagMs: 10_001, late: true });
  }, 20_000);

  it('declares the breach anyway once the longest deferral has passed with the consumer still behind', async () => {
    const events = await receivedComplaint();
    await bus.publish(complaintEvents().acknowledged());

    expect(await fireAt(after(1000))).toBe(0);
    expect(await fireAt(after(180_000 + 1))).toBe(1);
    expect(await consumer.progress()).toMatchObject({ state: 'behind' });
    expect(await announced(events.complaintId, SlaClockBreachedV1.type)).toHaveLength(1);

    await consumer.processNext(process(after(181_000)));
  }, 20_000);
});
