import { loadConfig } from '@complaints/config';
import { slaEnvSchema, toSlaConfig } from './sla-config';

describe('slaEnvSchema', () => {
  const env = { DATABASE_URL: 'postgres://u@127.0.0.1:5432/db', NATS_URL: 'nats://127.0.0.1:4222', PORT: '3002' };

  it('defaults the timer settings', () => {
    expect(toSlaConfig(loadConfig(slaEnvSchema, env)).timers).toEqual({ leaseMs: 10_000, lookaheadMs: 30_000, batchSize: 400, retentionDays: 30 });
  });

  it('reads the timer settings', () => {
    const config = toSlaConfig(
      loadConfig(slaEnvSchema, {
        ...env,
        SLA_TIMER_LEASE_MS: '5000',
        SLA_TIMER_LOOKAHEAD_MS: '60000',
        SLA_TIMER_BATCH: '500',
        SLA_TIMER_RETENTION_DAYS: '90',
      }),
    );
    expect(config).toMatchObject({
      serviceName: 'sla',
      timers: { leaseMs: 5000, lookaheadMs: 60_000, batchSize: 500, retentionDays: 90 },
    });
  });

  it('lets a breach wait three minutes at most for the complaint events before its deadline, unless told otherwise', () => {
    expect(toSlaConfig(loadConfig(slaEnvSchema, env)).breachWatermark).toEqual({ maxDeferMs: 180_000 });
    const told = loadConfig(slaEnvSchema, { ...env, SLA_BREACH_WATERMARK_MAX_DEFER_MS: '0' });
    expect(toSlaConfig(told).breachWatermark).toEqual({ maxDeferMs: 0 });
  });

  it.each([
    ['SLA_BREACH_WATERMARK_MAX_DEFER_MS', '-5'],
    ['SLA_TIMER_LEASE_MS', 'soon'],
    ['SLA_TIMER_LEASE_MS', '10'],
    ['SLA_TIMER_LOOKAHEAD_MS', '-1'],
    ['SLA_TIMER_BATCH', '0'],
    ['SLA_TIMER_BATCH', '2.5'],
    ['SLA_TIMER_RETENTION_DAYS', '0'],
  ])('names %s when it is %p', (name, value) => {
    expect(() => loadConfig(slaEnvSchema, { ...env, [name]: value })).toThrow(new RegExp(`${name}: `));
  });
});
