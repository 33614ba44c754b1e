import { SLA_CLOCK_STATUSES, SlaClockStatus } from '@complaints/contracts';
import { Meter, metrics } from '@opentelemetry/api';

/**
 * `sla_clocks{status}`: how many clocks are in each status, counted when metrics are
 * collected (a scrape of /metrics), so the figure is never stale.
 */
export class ClockMetrics {
  constructor(
    countByStatus: () => Promise<Partial<Record<SlaClockStatus, number>>>,
    meter: Meter = metrics.getMeter('sla'),
  ) {
    const gauge = meter.createObservableGauge('sla_clocks', { description: 'SLA clocks by status' });
    gauge.addCallback(async (result) => {
      const counts = await countByStatus();
      for (const status of SLA_CLOCK_STATUSES) result.observe(counts[status] ?? 0, { status });
    });
  }
}
