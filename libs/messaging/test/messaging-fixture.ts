import { ComplaintReceivedV1, STREAMS } from '@complaints/contracts';
import { migrateServiceDatabase, openServiceDatabase } from '@complaints/persistence';
import {
  TestDatabase,
  createTestDatabase,
  deleteNamespaceStreams,
  testInfrastructure,
  uniqueNamespace,
} from '@complaints/testing';
import { Migration } from '@mikro-orm/migrations';
import { MikroORM } from '@mikro-orm/postgresql';
import { NatsConnection, connect } from 'nats';
import { createEvent, ensureStream, messagingMigrations, messagingTablesSql, Topology } from '../src';

export const SCHEMA = 'svc';

class TestSchema extends Migration {
  override name = 'TestSchema';
  override up(): void {
    for (const sql of messagingTablesSql(SCHEMA)) this.addSql(sql);
    // A stand-in for a consumer's real effect: one row per processed event.
    this.addSql(`create table ${SCHEMA}.effects (event_id uuid not null, consumer text not null)`);
  }
}

/** A real PostgreSQL schema with the messaging tables and a real JetStream in a namespace of its own. */
export interface MessagingFixture {
  readonly orm: MikroORM;
  readonly nats: NatsConnection;
  readonly topology: Topology;
  close(): Promise<void>;
}

export async function openMessagingFixture(): Promise<MessagingFixture> {
  const database: TestDatabase = await createTestDatabase();
  const orm = await openServiceDatabase({ databaseUrl: database.url, schema: SCHEMA, migrations: [TestSchema, ...messagingMigrations(SCHEMA)] });
  await migrateServiceDatabase(orm, database.url, SCHEMA);
  const { natsUrl } = await testInfrastructure();
  const nats = await connect({ servers: natsUrl });
  const namespace = uniqueNamespace();
  const topology = new Topology(namespace);
  await ensureStream(await nats.jetstreamManager(), topology, STREAMS.complaints);
  return {
    orm,
    nats,
    topology,
    close: async () => {
      await nats.close();
      await orm.close();
      await deleteNamespaceStreams(natsUrl, namespace);
      await database.drop();
    },
  };
}

export function sampleComplaintReceived() {
  return createEvent(ComplaintReceivedV1, {
    complaintId: '0196f3c4-8a59-7b1e-9b1a-2f7c8d9e0a1b',
    actor: { kind: 'client', id: 'test-submitter' },
    data: {
      policyId: 'mimo',
      policyVersion: 1,
      reference: 'MIMO-2026-000001',
      kind: 'complaint',
      channel: 'email',
      status: 'received',
      receivedAt: '2026-11-20T16:30:00.000Z',
      firstContactAt: null,
      thirdParty: false,
      sellerId: null,
    },
  });
}

export async function streamMessageCount(fixture: MessagingFixture): Promise<number> {
  const jsm = await fixture.nats.jetstreamManager();
  const info = await jsm.streams.info(fixture.topology.streamName(STREAMS.complaints));
  return info.state.messages;
}

export const silentLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
