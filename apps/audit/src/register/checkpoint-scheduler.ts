import { SERVICE_LOGGER } from '@complaints/runtime';
import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
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
export class CheckpointScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private signedSize = 0;
  private signing: Promise<void> | undefined;

  constructor(
    private readonly signCheckpoint: SignCheckpoint,
    @Inject(REGISTER_SETTINGS) private readonly settings: RegisterSettings,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sign(), this.settings.checkpointIntervalMs);
    void this.sign();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.signing;
  }

  /** Called after each append commits, with the register's new size. */
  appended(size: number): void {
    if (size - this.signedSize >= this.settings.checkpointEvery) void this.sign();
  }

  private sign(): Promise<void> {
    this.signing ??= this.signCheckpoint
      .execute(new Date())
      .then((checkpoint) => {
        if (checkpoint) this.signedSize = checkpoint.treeSize;
      })
      .catch((error: unknown) => this.logger.error({ err: error }, 'checkpoint could not be signed; the next attempt will cover it'))
      .finally(() => {
        this.signing = undefined;
      });
    return this.signing;
  }
}
