import { PrometheusExporter, PrometheusSerializer } from '@opentelemetry/exporter-prometheus';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { ReadableSpan, SpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { trace } from '@opentelemetry/api';
import { waitFor } from '@complaints/testing';
import { systemClock } from '../src/timers/clock';
import { TimerMetrics } from '../src/timers/timer-metrics';
import { TimerStore } from '../src/timers/timer-store';
import { FakeClock, TimerTestDatabase, breachHandlers, breachTimer } from './timer-fixture';

/** Keeps ended spans as they end; exporting pipelines defer, which a test cannot wait for cleanly. */
class EndedSpans implements SpanProcessor {
  readonly spans: ReadableSpan[] = [];
  onStart(): void {
    // Only ended spans matter here.
  }
  onEnd(span: ReadableSpan): void {
    this.spans.push(span);
  }
  forceFlush(): Promise<void> {
    return Promise.resolve();
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

describe('timer firing telemetry', () => {
  const ended = new EndedSpans();
  const prometheus = new PrometheusExporter({ preventServerStart: true });
  const metrics = new TimerMetrics(new MeterProvider({ readers: [prometheus] }).getMeter('sla'));
  let db: TimerTestDatabase;

  beforeAll(async () => {
    trace.setGlobalTracerProvider(new TracerProvider({ spanProcessors: [ended] }));
    db = await TimerTestDatabase.create();
  });
  afterAll(async () => {
    trace.disable();
    await db.close();
  });

  async function scrape(): Promise<string> {
    const { resourceMetrics } = await prometheus.collect();
    return new PrometheusSerializer().serialize(resourceMetrics);
  }

  it('records each firing as a span linked to the complaint trace, and its lag on /metrics', async () => {
    const start = new Date('2026-11-20T09:00:00.000Z');
    const clock = new FakeClock(start);
    const complaintTrace = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const timer = await db.transaction((tx) =>
      new TimerStore(clock).schedule(tx, breachTimer(start, { traceparent: complaintTrace })),
    );

    clock.advance(2500);
    expect(await db.scheduler(clock, breachHandlers(), { metrics }).fireDue()).toBe(1);

    const [span] = ended.spans.filter((s) => s.name === 'sla.timer.fire');
    expect(span?.attributes).toMatchObject({
      'complaint.id': timer.complaintId,
      'timer.kind': 'clock_breach',
      'timer.lag_ms': 2500,
      'timer.outcome': 'fired',
    });
    // Linked, not parented: the firing starts a trace of its own.
    expect(span?.links.map((link) => link.context.traceId)).toEqual(['4bf92f3577b34da6a3ce929d0e0e4736']);
    expect(span?.spanContext().traceId).not.toBe('4bf92f3577b34da6a3ce929d0e0e4736');

    const text = await scrape();
    expect(text).toMatch(/^sla_timers_fired_total\{[^}]*kind="clock_breach"[^}]*late="true"[^}]*\} 1/m);
    expect(text).toMatch(
      /^sla_breach_detection_lag_seconds_bucket\{[^}]*kind="clock_breach"[^}]*le="2"[^}]*\} 0/m,
    );
    expect(text).toMatch(
      /^sla_breach_detection_lag_seconds_bucket\{[^}]*kind="clock_breach"[^}]*le="5"[^}]*\} 1/m,
    );
    expect(text).toMatch(/^sla_breach_detection_lag_seconds_sum\{[^}]*\} 2\.5/m);
  });

  it('fires a timer scheduled while running at its instant, once told about it', async () => {
    // Reloading is made rare here, so only `notify` can bring the timer to the scheduler's attention in time.
    const scheduler = db.scheduler(systemClock, breachHandlers(), { metrics, reloadIntervalMs: 60_000 });
    scheduler.start();
    try {
      await scheduler.fireDue();
      const dueAt = new Date(Date.now() + 300);
      const timer = await db.transaction((tx) =>
        new TimerStore(systemClock).schedule(tx, breachTimer(dueAt)),
      );
      scheduler.notify(dueAt);

      const fired = await waitFor('the timer to fire', async () => {
        const stored = await new TimerStore(systemClock).find(db.orm.em.fork(), timer.id);
        return stored?.firedAt ? stored : undefined;
      });
      expect(fired.firedAt?.getTime()).toBeGreaterThanOrEqual(dueAt.getTime());
      expect(fired.late).toBe(false);
    } finally {
      await scheduler.stop();
    }
  });
});
