import { DatabaseServiceConfig, databaseEnvShape, serviceEnvShape, toDatabaseServiceConfig } from '@complaints/config';
import { z } from 'zod';

const milliseconds = (min: number, max: number, fallback: number) =>
  z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(min).max(max).default(fallback);

export const slaEnvSchema = z.object({
  ...serviceEnvShape,
  ...databaseEnvShape,
  /** How long a replica's claim on a due timer lasts: the longest a crashed replica delays a timer. */
  SLA_TIMER_LEASE_MS: milliseconds(1000, 300_000, 10_000),
  /** How far ahead each replica holds pending timers in memory. */
  SLA_TIMER_LOOKAHEAD_MS: milliseconds(1000, 3_600_000, 30_000),
  /** Due timers claimed per round trip. */
  SLA_TIMER_BATCH: z.coerce.number({ error: 'must be a whole number' }).int().min(1).max(10_000).default(400),
  /** How long fired and cancelled timers are kept before housekeeping deletes them. */
  SLA_TIMER_RETENTION_DAYS: z.coerce.number({ error: 'must be a whole number of days' }).int().min(1).max(3650).default(30),
  /**
   * The longest a breach waits after its deadline for sla to process the complaint events
   * stored before it; then it is declared anyway, and a late event withdraws it if false.
   */
  SLA_BREACH_WATERMARK_MAX_DEFER_MS: milliseconds(0, 3_600_000, 180_000),
  /** How often clock changes are counted into the SLA report's stored days in the background. */
  SLA_REPORT_REFRESH_INTERVAL_MS: milliseconds(1000, 3_600_000, 60_000),
});

export interface TimerSettings {
  readonly leaseMs: number;
  readonly lookaheadMs: number;
  readonly batchSize: number;
  readonly retentionDays: number;
}

export interface BreachWatermarkSettings {
  /** The longest a breach waits after its deadline for the consumer to catch up; then it is declared anyway. */
  readonly maxDeferMs: number;
}

export interface SlaConfig extends DatabaseServiceConfig {
  readonly timers: TimerSettings;
  readonly breachWatermark: BreachWatermarkSettings;
  readonly reportRefreshIntervalMs: number;
}

export function toSlaConfig(env: z.infer<typeof slaEnvSchema>): SlaConfig {
  return {
    ...toDatabaseServiceConfig('sla', env),
    timers: {
      leaseMs: env.SLA_TIMER_LEASE_MS,
      lookaheadMs: env.SLA_TIMER_LOOKAHEAD_MS,
      batchSize: env.SLA_TIMER_BATCH,
      retentionDays: env.SLA_TIMER_RETENTION_DAYS,
    },
    breachWatermark: { maxDeferMs: env.SLA_BREACH_WATERMARK_MAX_DEFER_MS },
    reportRefreshIntervalMs: env.SLA_REPORT_REFRESH_INTERVAL_MS,
  };
}
