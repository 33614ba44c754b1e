import { PeriodicTask, SERVICE_LOGGER } from '@complaints/runtime';
import { MikroORM } from '@mikro-orm/postgresql';
import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Logger } from 'pino';
import { IdempotencyStore } from './idempotency-store';

/** Deletes expired `Idempotency-Key` records every minute while intake runs. */
@Injectable()
export class IdempotencyKeyPurge implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(orm: MikroORM, store: IdempotencyStore, @Inject(SERVICE_LOGGER) logger: Logger) {
    this.task = new PeriodicTask('idempotency key purge', 60_000, () => store.purgeExpired(orm.em.fork()), logger);
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
