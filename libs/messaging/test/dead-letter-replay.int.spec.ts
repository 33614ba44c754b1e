import {
  ComplaintReceivedV1,
  Envelope,
  ReplayDeadLetterContract,
  STREAMS,
  replayDeadLetterRequest,
} from '@complaints/contracts';
import { Principal } from '@complaints/domain';
import { executeSql } from '@complaints/persistence';
import { testInfrastructure, waitFor } from '@complaints/testing';
import { INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JetStreamManager, headers } from 'nats';
import { firstValueFrom } from 'rxjs';
import {
  ConsumerOutcome,
  EventConsumerHost,
  Outcome,
  TracedNatsClient,
  TracedNatsServer,
  deadLetterReplayController,
  listDeadLetters,
} from '../src';
import {
  MessagingFixture,
  SCHEMA,
  openMessagingFixture,
  sampleComplaintReceived,
  silentLogger,
} from './messaging-fixture';

const PLATFORM_ADMIN: Principal = { name: 'operator', role: 'admin', organisationId: '*' };
const RECEIPTS = [ComplaintReceivedV1] as const;

/**
 * `<service>.dead-letters.replay` as a service answers it: over real NATS request-reply, to a
 * real consumer host on a real database, with dead letters its consumer really wrote.
 */
describe(deadLetterReplayController.name, () => {
  let fixture: MessagingFixture;
  let jsm: JetStreamManager;
  let host: EventConsumerHost;
  let server: INestMicroservice;
  let client: TracedNatsClient;
  /** What the consumer does with the next event: the cause of its dead letters, and their fix. */
  let decide: () => ConsumerOutcome = () => Outcome.reject('waits for its fix');
  const contract: ReplayDeadLetterContract = replayDeadLetterRequest('svc');

  beforeAll(async () => {
    fixture = await openMessagingFixture();
    jsm = await fixture.nats.jetstreamManager();
    host = new EventConsumerHost({
      orm: fixture.orm,
      schema: SCHEMA,
      js: fixture.nats.jetstream(),
      jsm,
      topology: fixture.topology,
      logger: silentLogger,
    });
    host.register({
      durable: 'replayable',
      events: RECEIPTS,
      maxDeliver: 1,
      handle: async (event, tx) => {
        await executeSql(tx, `insert into ${SCHEMA}.effects (event_id, consumer) values (?, ?)`, [
          event.id,
          'replayable',
        ]);
        return decide();
      },
    });
    await host.start();

    @Module({
      controllers: [deadLetterReplayController('svc')],
      providers: [{ provide: EventConsumerHost, useValue: host }],
    })
    class ServiceWithConsumers {}
    const { natsUrl } = await testInfrastructure();
    server = await NestFactory.createMicroservice(ServiceWithConsumers, {
      strategy: new TracedNatsServer({ servers: natsUrl, queue: 'svc' }, fixture.topology),
      logger: false,
    });
    await server.listen();
    client = new TracedNatsClient({ servers: natsUrl }, fixture.topology);
  });
  afterAll(async () => {
    await client?.close();
    await server?.close();
    await host?.stop();
    await fixture?.close();
  });

  const replay = async (seq: unknown, principal: Principal = PLATFORM_ADMIN) =>
    contract.result.parse(await firstValueFrom(client.send(contract.pattern, { principal, seq })));

  const effects = async (eventId: string) =>
    (await executeSql(fixture.orm.em.fork(), `select 1 from ${SCHEMA}.effects where event_id = ?`, [eventId])).length;

  /** Publishes an event on COMPLAINTS and waits for the consumer to give up on it. */
  async function deadLettered(event: Envelope): Promise<number> {
    await fixture.nats
      .jetstream()
      .publish(fixture.topology.eventSubject(ComplaintReceivedV1), JSON.stringify(event), { msgID: event.id });
    const { items } = await waitFor(
      'the dead letter',
      async () => {
        const page = await listDeadLetters(jsm, fixture.topology, { limit: 50 });
        return page.items.some((item) => item.eventId === event.id) && page;
      },
      15_000,
    );
    return items.find((item) => item.eventId === event.id)?.seq as number;
  }

  it('keeps a dead letter its consumer still refuses, says why, and hands it over exactly once when fixed', async () => {
    const event = sampleComplaintReceived();
    decide = () => Outcome.reject('waits for its fix');
    const seq = await deadLettered(event);

    expect(await replay(seq)).toEqual({
      ok: false,
      problem: {
        code: 'conflict',
        detail: 'replayable still does not handle the event: waits for its fix',
        errors: [],
      },
    });
    decide = () => {
      throw new Error('the downstream table is missing');
    };
    expect(await replay(seq)).toMatchObject({
      ok: false,
      problem: { code: 'conflict', detail: expect.stringContaining('the downstream table is missing') },
    });
    expect(await effects(event.id)).toBe(0);

    decide = () => Outcome.processed();
    expect(await replay(seq)).toEqual({ ok: true, value: { seq, consumer: 'replayable', outcome: 'processed' } });
    expect(await effects(event.id)).toBe(1);
    expect((await listDeadLetters(jsm, fixture.topology, { limit: 50 })).items.map((item) => item.seq)).not.toContain(
      seq,
    );
    expect(await replay(seq)).toMatchObject({ ok: false, problem: { code: 'not_found' } });
    expect(await effects(event.id)).toBe(1);
  });

  it('removes a dead letter of an event its consumer has handled since, as a duplicate', async () => {
    const event = sampleComplaintReceived();
    decide = () => Outcome.reject('waits for its fix');
    const first = await deadLettered(event);
    // The same event again after JetStream's duplicate window: a second dead letter of it.
    await fixture.nats
      .jetstream()
      .publish(fixture.topology.eventSubject(ComplaintReceivedV1), JSON.stringify(event), {
        msgID: `${event.id}-again`,
      });
    const second = await waitFor(
      'the second dead letter',
      async () => {
        const { items } = await listDeadLetters(jsm, fixture.topology, { limit: 50 });
        return items.find((item) => item.eventId === event.id && item.seq !== first)?.seq;
      },
      15_000,
    );

    decide = () => Outcome.processed();
    expect(await replay(first)).toMatchObject({ ok: true, value: { outcome: 'processed' } });
    expect(await replay(second)).toEqual({
      ok: true,
      value: { seq: second, consumer: 'replayable', outcome: 'duplicate' },
    });
    expect(await effects(event.id)).toBe(1);
  });

  it("answers not found for a dead letter of another service's consumer, and for anyone but the platform's admins", async () => {
    const h = headers();
    h.set('Original-Consumer', 'someone-elses');
    const { seq } = await fixture.nats
      .jetstream()
      .publish(
        fixture.topology.deadLetterSubject(fixture.topology.streamName(STREAMS.complaints), 'someone-elses'),
        JSON.stringify(sampleComplaintReceived()),
        { headers: h },
      );
    expect(await replay(seq)).toMatchObject({ ok: false, problem: { code: 'not_found' } });

    decide = () => Outcome.reject('waits for its fix');
    const own = await deadLettered(sampleComplaintReceived());
    for (const principal of [
      { name: 'mimo-admin', role: 'admin', organisationId: 'mimo' },
      { name: 'agent', role: 'agent', organisationId: '*' },
    ] as const) {
      expect(await replay(own, principal)).toMatchObject({ ok: false, problem: { code: 'not_found' } });
    }
    expect(await replay(own)).toMatchObject({ ok: false, problem: { code: 'conflict' } });
  });

  it('refuses a request without a dead-letter seq, naming the field', async () => {
    expect(await replay(0)).toMatchObject({ ok: false, problem: { code: 'invalid', errors: [{ field: 'seq' }] } });
  });
});
