import { StreamDefinition } from '@complaints/contracts';
import { EventConsumerHost, OutboxRelay, Topology, ensureStream, retryTransient } from '@complaints/messaging';
import { PolicyCatalog } from '@complaints/policy-catalog';
import { MikroORM } from '@mikro-orm/postgresql';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleInit,
  Optional,
} from '@nestjs/common';
import { NatsConnection } from 'nats';
import { Logger } from 'pino';
import { PeriodicTask } from './periodic-task';
import { NATS_CONNECTION, SERVICE_LOGGER } from './tokens';

export const PUBLISHED_STREAMS = Symbol('PUBLISHED_STREAMS');

const INBOX_PURGE_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Starts what the service asked the core for, once every module has registered its
 * consumers, and stops it in reverse order: consumers, relay, policies, then NATS and
 * PostgreSQL.
 */
@Injectable()
export class ServiceLifecycle implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    private readonly topology: Topology,
    @Inject(PUBLISHED_STREAMS) private readonly publishes: readonly StreamDefinition[],
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
    @Optional() private readonly orm?: MikroORM,
    @Optional() private readonly relay?: OutboxRelay,
    @Optional() private readonly consumers?: EventConsumerHost,
    @Optional() private readonly policies?: PolicyCatalog,
  ) {
    const host = this.consumers;
    this.inboxPurge = host && new PeriodicTask('inbox purge', INBOX_PURGE_INTERVAL_MS, () => host.purgeInbox(), logger);
  }

  private readonly inboxPurge: PeriodicTask | undefined;

  /** Policies are read before any `onApplicationBootstrap` hook, so every hook can rely on them. */
  async onModuleInit(): Promise<void> {
    const { policies } = this;
    if (policies) await retryTransient('reading published policies', () => policies.start(), this.logger);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.publishes.length > 0) {
      await retryTransient(
        'creating published streams',
        async () => {
          const jsm = await this.nats.jetstreamManager();
          for (const stream of this.publishes) await ensureStream(jsm, this.topology, stream);
        },
        this.logger,
      );
    }
    this.relay?.start();
    await this.consumers?.start();
    this.inboxPurge?.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.inboxPurge?.stop();
    await this.consumers?.stop();
    await this.relay?.stop();
    await this.policies?.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.nats.isClosed()) await this.nats.drain();
    await this.orm?.close();
  }
}
