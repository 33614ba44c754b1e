import { PeriodicTask, SERVICE_LOGGER } from '@complaints/runtime';
import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Logger } from 'pino';
import { REGISTER_SETTINGS, RegisterSettings } from './register-settings';
import { SignCheckpoint } from './sign-checkpoint';

/**
 * When to sign: once `checkpointEvery` entries have been appended since the last checkpoint
 * this process signed, and every `checkpointIntervalMs` if the register grew at all. One
 * signing at a time per process; across replicas `SignCheckpoint` itself makes a repeat a
 * no-op, so the counter here only needs to be roughly right.
 */
@Injectable()
export class CheckpointScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly task: PeriodicTask;
  private signedSize = 0;

  constructor(
    signCheckpoint: SignCheckpoint,
    @Inject(REGISTER_SETTINGS) private readonly settings: RegisterSettings,
    @Inject(SERVICE_LOGGER) logger: Logger,
  ) {
    this.task = new PeriodicTask(
      'checkpoint signing',
      settings.checkpointIntervalMs,
      async () => {
        const checkpoint = await signCheckpoint.execute(new Date());
        if (checkpoint) this.signedSize = checkpoint.treeSize;
      },
      logger,
    );
  }

  onApplicationBootstrap(): void {
    this.task.start();
    void this.task.runOnce();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** Called after each append commits, with the register's new size. */
  appended(size: number): void {
    if (size - this.signedSize >= this.settings.checkpointEvery) void this.task.runOnce();
  }
}
