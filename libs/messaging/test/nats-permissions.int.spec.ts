import { ComplaintReceivedV1, IntakeRequests, STREAMS, SlaRequests, replayDeadLetterRequest } from '@complaints/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NatsConnection, connect, headers } from 'nats';
import {
  DurableEventConsumer,
  HandlerResult,
  SERVICE_BUS_ACCESS,
  ServiceName,
  Topology,
  ensureDeadLetterStream,
  ensureStream,
  natsConnectionOptions,
  natsPasswordVariable,
  readConsumerProgress,
} from '../src';
import { OwnNatsServer, startOwnNatsServer } from './nats-server';
import { sampleComplaintReceived } from './messaging-fixture';

/**
 * The NATS users deploy/ ships, on a real nats-server of the test's own: each service can do
 * what its code does on the bus, and is refused what it must not do.
 */
async function waitFor(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition() && waited < 5000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('per-service NATS users (deploy/nats/authorization.conf)', () => {
  const deployed = readFileSync(join(__dirname, '../../../deploy/nats/authorization.conf'), 'utf8');
  const passwordOf = (service: ServiceName) => `${service}-password-for-tests`;
  const topology = new Topology(undefined);
  const logger = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };
  let server: OwnNatsServer;
  const open: NatsConnection[] = [];

  const connectAs = async (service: ServiceName, password = passwordOf(service)) => {
    const nc = await connect({
      ...natsConnectionOptions({ natsUrl: server.url, serviceName: service, natsCredentials: { user: service, password } }, `test-${service}`),
      // Make a refused operation answer fast.
      timeout: 2000,
    });
    open.push(nc);
    return nc;
  };

  /** What the server refused this connection, as `publish <subject>` or `subscription <subject>`. */
  const permissionErrors = (nc: NatsConnection): string[] => {
    const seen: string[] = [];
    void (async () => {
      for await (const status of nc.status()) {
        const context = (status as { permissionContext?: { operation: string; subject: string } }).permissionContext;
        if (context) seen.push(`${context.operation} ${context.subject}`);
      }
    })();
    return seen;
  };

  beforeAll(async () => {
    const env = Object.fromEntries((Object.keys(SERVICE_BUS_ACCESS) as ServiceName[]).map((s) => [natsPasswordVariable(s), passwordOf(s)]));
    server = await startOwnNatsServer(deployed, env);
  });

  afterAll(async () => {
    await Promise.all(open.map((nc) => nc.close()));
    await server?.stop();
  });

  it('refuses clients without a user, and a wrong password', async () => {
    await expect(connect({ servers: server.url })).rejects.toThrow(/Authorization Violation/i);
    await expect(connectAs('sla', 'not-the-password-of-sla')).rejects.toThrow(/Authorization Violation/i);
  });

  it('lets intake publish complaint events and sla consume them on its durable consumer, acking each and reading how far it got', async () => {
    const intake = await connectAs('intake');
    await ensureStream(await intake.jetstreamManager(), topology, STREAMS.complaints);
    const event = sampleComplaintReceived();
    const ack = await intake.jetstream().publish(topology.eventSubject(ComplaintReceivedV1), JSON.stringify(event), { msgID: event.id });
    expect(ack.stream).toBe('COMPLAINTS');

    const sla = await connectAs('sla');
    const handled: string[] = [];
    let resolveHandled: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (resolveHandled = resolve));
    const consumer = new DurableEventConsumer(sla.jetstream(), await sla.jetstreamManager(), topology, logger, {
      durable: 'sla',
      events: [ComplaintReceivedV1],
      handle: async (envelope): Promise<HandlerResult> => {
        handled.push(envelope.id);
        resolveHandled();
        return { outcome: 'processed' };
      },
    });
    await consumer.start();
    await done;
    await consumer.stop();
    expect(handled).toEqual([event.id]);
    const info = await (await sla.jetstreamManager()).consumers.info('COMPLAINTS', 'sla');
    expect(info.num_ack_pending).toBe(0);

    // The breach watermark: sla reads the oldest message its consumer has not processed yet.
    const position = { stream: 'COMPLAINTS', durable: 'sla', filterSubject: topology.streamSubjects(STREAMS.complaints) };
    await expect(readConsumerProgress(await sla.jetstreamManager(), position)).resolves.toEqual({ state: 'caught_up' });
    const waiting = sampleComplaintReceived();
    await intake.jetstream().publish(topology.eventSubject(ComplaintReceivedV1), JSON.stringify(waiting), { msgID: waiting.id });
    await expect(readConsumerProgress(await sla.jetstreamManager(), position)).resolves.toEqual({
      state: 'behind',
      oldestUnprocessedAt: expect.any(Date),
    });
    const escalation = await connectAs('escalation');
    await expect((await escalation.jetstreamManager()).streams.getMessage('COMPLAINTS', { seq: 1 })).rejects.toThrow();
  });

  it('lets every service follow the policies intake publishes, as the policy catalogue does (an ordered consumer)', async () => {
    const intake = await connectAs('intake');
    await ensureStream(await intake.jetstreamManager(), topology, STREAMS.policies);
    await intake.jetstream().publish(topology.streamSubjects(STREAMS.policies).replace('>', 'policy.published.v1'), '{}');
    const escalation = await connectAs('escalation');
    await ensureStream(await escalation.jetstreamManager(), topology, STREAMS.policies);
    const ordered = await escalation.jetstream().consumers.get('POLICIES');
    expect((await ordered.next({ expires: 2000 }))?.seq).toBe(1);
  });

  it('lets sla copy a poison event to the dead letters under its own consumer only', async () => {
    const sla = await connectAs('sla');
    const js = sla.jetstream();
    const h = headers();
    h.set('Original-Consumer', 'sla');
    await expect(js.publish(topology.deadLetterSubject('COMPLAINTS', 'sla'), 'poison', { headers: h })).resolves.toMatchObject({ stream: 'DEADLETTER' });
    await expect(js.publish(topology.deadLetterSubject('COMPLAINTS', 'escalation'), 'forged', { timeout: 1000 })).rejects.toThrow();
  });

  it('refuses notifications publishing complaint events (a forged event)', async () => {
    const notifications = await connectAs('notifications');
    const errors = permissionErrors(notifications);
    const forged = sampleComplaintReceived();
    await expect(
      notifications.jetstream().publish(topology.eventSubject(ComplaintReceivedV1), JSON.stringify(forged), { timeout: 1000 }),
    ).rejects.toThrow();
    await waitFor(() => errors.includes(`publish ${topology.eventSubject(ComplaintReceivedV1)}`));
    expect(errors).toContain(`publish ${topology.eventSubject(ComplaintReceivedV1)}`);
  });

  it('refuses a service the requests it does not make: sla cannot ask intake for contact data, notifications can', async () => {
    const intake = await connectAs('intake');
    const answering = intake.subscribe(IntakeRequests.getCustomerContact.pattern, {
      queue: 'intake',
      callback: (_error, message) => message.respond(JSON.stringify({ ok: true })),
    });
    await intake.flush();

    const notifications = await connectAs('notifications');
    const reply = await notifications.request(IntakeRequests.getCustomerContact.pattern, '{}', { timeout: 2000 });
    expect(reply.json()).toEqual({ ok: true });

    const sla = await connectAs('sla');
    const errors = permissionErrors(sla);
    await expect(sla.request(IntakeRequests.getCustomerContact.pattern, '{}', { timeout: 1000 })).rejects.toThrow();
    await waitFor(() => errors.includes(`publish ${IntakeRequests.getCustomerContact.pattern}`));
    expect(errors).toContain(`publish ${IntakeRequests.getCustomerContact.pattern}`);
    answering.unsubscribe();
  });

  it('lets the gateway call every service but not ask for contact data, and not touch JetStream', async () => {
    const sla = await connectAs('sla');
    const answering = sla.subscribe(SlaRequests.getComplaintClocks.pattern, { queue: 'sla', callback: (_e, m) => m.respond('{"clocks":[]}') });
    await sla.flush();
    const gateway = await connectAs('gateway');
    const errors = permissionErrors(gateway);
    expect((await gateway.request(SlaRequests.getComplaintClocks.pattern, '{}', { timeout: 2000 })).json()).toEqual({ clocks: [] });
    await expect(gateway.request(IntakeRequests.getCustomerContact.pattern, '{}', { timeout: 1000 })).rejects.toThrow();
    // Deleting a stream is a JetStream API call the gateway's user may not publish.
    await expect(gateway.request('$JS.API.STREAM.DELETE.COMPLAINTS', '', { timeout: 1000 })).rejects.toThrow();
    await waitFor(() => errors.includes('publish $JS.API.STREAM.DELETE.COMPLAINTS'));
    expect(errors).toContain('publish $JS.API.STREAM.DELETE.COMPLAINTS');
    const intake = await connectAs('intake');
    expect((await (await intake.jetstreamManager()).streams.info('COMPLAINTS')).config.name).toBe('COMPLAINTS');
    answering.unsubscribe();
  });

  it('lets the gateway read a dead letter and ask the service of its consumer to replay it, but not delete it', async () => {
    const sla = await connectAs('sla');
    await ensureDeadLetterStream(await sla.jetstreamManager(), topology);
    const h = headers();
    h.set('Original-Consumer', 'sla');
    const { seq } = await sla.jetstream().publish(topology.deadLetterSubject('COMPLAINTS', 'sla'), 'poison', { headers: h });
    const replaying = sla.subscribe(replayDeadLetterRequest('sla').pattern, { queue: 'sla', callback: (_e, m) => m.respond('{"ok":true}') });
    await sla.flush();

    const gateway = await connectAs('gateway');
    const gatewayJsm = await gateway.jetstreamManager({ checkAPI: false });
    expect((await gatewayJsm.streams.getMessage('DEADLETTER', { seq })).header.get('Original-Consumer')).toBe('sla');
    expect((await gateway.request(replayDeadLetterRequest('sla').pattern, '{}', { timeout: 2000 })).json()).toEqual({ ok: true });
    await expect(gatewayJsm.streams.deleteMessage('DEADLETTER', seq)).rejects.toThrow();
    await expect(gatewayJsm.streams.getMessage('COMPLAINTS', { seq: 1 })).rejects.toThrow();
    replaying.unsubscribe();
  });

  it("refuses a service reading another's replies or another's durable consumer", async () => {
    const escalation = await connectAs('escalation');
    const errors = permissionErrors(escalation);
    escalation.subscribe('_INBOX.gateway.>');
    await escalation.flush();
    await waitFor(() => errors.length > 0);
    expect(errors).toContain('subscription _INBOX.gateway.>');

    const jsm = await escalation.jetstreamManager();
    await expect(jsm.consumers.info('COMPLAINTS', 'sla')).rejects.toThrow();
    await expect(jsm.streams.delete('COMPLAINTS')).rejects.toThrow();
  });
});
