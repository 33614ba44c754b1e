import { Meter, metrics } from '@opentelemetry/api';

export interface OutboxBacklog {
  readonly pending: number;
  /** Seconds since the oldest unpublished row was written; 0 when none waits. */
  readonly oldestAgeSeconds: number;
}

/**
 * `outbox_pending` and `outbox_oldest_pending_age_seconds`, read at each scrape: a relay that
 * cannot publish shows as a growing backlog and an ageing oldest row, long before consumers
 * notice what they did not receive.
 */
export function registerOutboxMetrics(backlog: () => Promise<OutboxBacklog>, meter: Meter = metrics.getMeter('messaging')): void {
  const pending = meter.createObservableGauge('outbox_pending', { description: 'Outbox rows not yet published' });
  const oldest = meter.createObservableGauge('outbox_oldest_pending_age_seconds', {
    description: 'Age of the oldest outbox row not yet published',
    unit: 's',
  });
  meter.addBatchObservableCallback(
    async (result) => {
      const current = await backlog();
      result.observe(pending, current.pending);
      result.observe(oldest, current.oldestAgeSeconds);
    },
    [pending, oldest],
  );
}
