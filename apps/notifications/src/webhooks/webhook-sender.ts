import { PeriodicTask, SERVICE_LOGGER } from '@complaints/runtime';
import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Logger } from 'pino';
import { SendDueWebhooks } from './send-due-webhooks';
import { WEBHOOK_CONFIG, WebhookConfig } from './webhook-config';

/**
 * Sends due deliveries while the service runs: at every poll (retries come due there) and at
 * once when a consumer has queued new ones. One run at a time per replica; replicas share the
 * work through the deliveries' row locks.
 */
@Injectable()
export class WebhookSender implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(send: SendDueWebhooks, @Inject(WEBHOOK_CONFIG) config: WebhookConfig, @Inject(SERVICE_LOGGER) logger: Logger) {
    this.task = new PeriodicTask('webhook sender', config.pollIntervalMs, () => send.execute(), logger);
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  /**
   * New deliveries were committed: send them now rather than at the next poll. A run already
   * under way may have claimed before they were visible; the next poll takes them then.
   */
  wake(): void {
    void this.task.runOnce();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
