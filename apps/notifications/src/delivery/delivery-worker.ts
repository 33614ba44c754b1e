import { PeriodicTask, SERVICE_CONFIG, SERVICE_LOGGER } from '@complaints/runtime';
import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Logger } from 'pino';
import { NotificationsConfig } from '../notifications-config';
import { DELIVERY_BATCH, SendDueDeliveries } from './send-due-deliveries';

/**
 * Sends due deliveries: every `NOTIFY_POLL_MS` (retries whose time has come), and at once when
 * a consumer has just planned new ones (`kick`). A kick during a run makes the run go round
 * once more, so a new delivery never waits for the next tick.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly task: PeriodicTask;
  private kicked = false;
  private stopped = false;

  constructor(
    private readonly sendDue: SendDueDeliveries,
    @Inject(SERVICE_CONFIG) config: NotificationsConfig,
    @Inject(SERVICE_LOGGER) logger: Logger,
  ) {
    this.task = new PeriodicTask('delivery worker', config.pollIntervalMs, () => this.drain(), logger);
  }

  kick(): void {
    // A consumer's last commit can come as the service stops: the database may be closing.
    if (this.stopped) return;
    this.kicked = true;
    void this.task.runOnce();
  }

  onApplicationBootstrap(): void {
    this.task.start();
    this.kick();
  }

  beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    return this.task.stop();
  }

  private async drain(): Promise<void> {
    do {
      this.kicked = false;
      while ((await this.sendDue.execute()) === DELIVERY_BATCH);
    } while (this.kicked);
  }
}
