import { PolicyPublishedV1, STREAMS } from '@complaints/contracts';
import { JetStreamEventPublisher, Topology, createEvent, ensureStream } from '@complaints/messaging';
import { BUILT_IN_POLICY_IDS, builtInPolicy, policyDigest } from '@complaints/policy';
import { deleteNamespaceStreams, testInfrastructure, uniqueNamespace, waitFor } from '@complaints/testing';
import { NatsConnection, connect } from 'nats';
import pino from 'pino';
import { PolicyCatalog } from '../src/policy-catalog';

function versionOf(base: Record<string, unknown>, version: number, name: string): Record<string, unknown> {
  return { ...base, version, name, effectiveFrom: '2027-01-01T00:00:00+01:00' };
}

describe(PolicyCatalog.name, () => {
  const namespace = uniqueNamespace();
  const topology = new Topology(namespace);
  const logger = pino({ level: 'silent' });
  let nats: NatsConnection;
  let natsUrl: string;
  const catalogs: PolicyCatalog[] = [];

  async function openCatalog(): Promise<PolicyCatalog> {
    const catalog = new PolicyCatalog(nats.jetstream(), await nats.jetstreamManager(), topology, logger);
    catalogs.push(catalog);
    await catalog.start();
    return catalog;
  }

  async function publish(document: Record<string, unknown>): Promise<void> {
    const event = createEvent(PolicyPublishedV1, {
      complaintId: null,
      actor: { kind: 'client', id: 'admin' },
      data: {
        policyId: String(document['id']),
        policyVersion: Number(document['version']),
        effectiveFrom: String(document['effectiveFrom']),
        name: String(document['name']),
        digest: policyDigest(document),
        document,
      },
    });
    await new JetStreamEventPublisher(nats.jetstream()).publish({ subject: topology.eventSubject(PolicyPublishedV1), envelope: event });
  }

  beforeAll(async () => {
    natsUrl = (await testInfrastructure()).natsUrl;
    nats = await connect({ servers: natsUrl });
    await ensureStream(await nats.jetstreamManager(), topology, STREAMS.policies);
  });

  afterAll(async () => {
    await Promise.all(catalogs.map((catalog) => catalog.stop()));
    await nats?.close();
    await deleteNamespaceStreams(natsUrl, namespace);
  });

  const mimo = builtInPolicy('mimo') as unknown as Record<string, unknown>;

  it('holds the built-in policies before anything is published', async () => {
    const catalog = await openCatalog();
    expect(catalog.registry.list().map((summary) => summary.id)).toEqual([...BUILT_IN_POLICY_IDS].sort());
    expect(catalog.isBuiltIn('mimo')).toBe(true);
  });

  it('sees a version published while it runs within a second', async () => {
    const follower = await openCatalog();
    const publishedAt = Date.now();
    await publish(versionOf(mimo, 2, 'Mimo, 2027'));
    await waitFor('the follower to hold mimo v2', () => follower.registry.get('mimo', 2) !== undefined, 1000, 10);
    expect(Date.now() - publishedAt).toBeLessThan(1000);
    expect(follower.seenOnStream('mimo', 2)).toBe(true);
    expect(follower.registry.get('mimo')?.name).toBe('Mimo, 2027');
  });

  it('has read every earlier version when start() resolves', async () => {
    await publish(versionOf(mimo, 3, 'Mimo, 2027 bis'));
    const latecomer = await openCatalog();
    expect(latecomer.registry.versions('mimo').map((policy) => policy.version)).toEqual([1, 2, 3]);
  });

  it('skips an event it cannot apply and goes on following later ones', async () => {
    const follower = await openCatalog();
    await publish({ ...versionOf(mimo, 4, 'Broken'), calendar: 'not a calendar' });
    await publish(versionOf(mimo, 5, 'Mimo, 2027 ter'));
    await waitFor('the follower to hold mimo v5', () => follower.registry.get('mimo', 5) !== undefined, 2000, 10);
    expect(follower.registry.get('mimo', 4)).toBeUndefined();
  });
});
