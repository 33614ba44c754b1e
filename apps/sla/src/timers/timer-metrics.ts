import { Counter, Histogram, Meter, metrics } from '@opentelemetry/api';
import { TimerFiring } from './timer';

/** Sub-second resolution where the p99 < 1 s target lives, then up to a minute for outages and take-overs. */
const LAG_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 1, 2, 5, 10, 15, 30, 60];

/** Breach-detection lag and firing counts, exported on /metrics by the service's meter provider. */
export class TimerMetrics {
  private readonly lag: Histogram;
  private readonly fired: Counter;

  constructor(meter: Meter = metrics.getMeter('sla')) {
    this.lag = meter.createHistogram('sla_breach_detection_lag_seconds', {
      description: 'Time from a timer being due to it firing (fired at − due at)',
      unit: 's',
      advice: { explicitBucketBoundaries: LAG_BUCKETS_SECONDS },
    });
    this.fired = meter.createCounter('sla_timers_fired_total', { description: 'Timers fired, by kind and lateness' });
  }

  recordFiring(kind: string, firing: TimerFiring): void {
    this.lag.record(firing.lagMs / 1000, { kind });
    this.fired.add(1, { kind, late: firing.late });
  }
}
