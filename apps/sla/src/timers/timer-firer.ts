import { COMPLAINT_ATTRIBUTES, withSpan } from '@complaints/telemetry';
import { UnitOfWork } from '@complaints/runtime';
import { ROOT_CONTEXT } from '@opentelemetry/api';
import { Clock } from './clock';
import { Timer, TimerFiring } from './timer';
import { TimerClaims } from './timer-claims';
import { timerEvents } from './timer-events';
import { TimerHandlers } from './timer-handlers';
import { TimerLogger } from './timer-logger';
import { TimerMetrics } from './timer-metrics';
import { linksToTrace } from './trace-link';

/**
 * `fired`: marked and handled. `skipped`: fired or cancelled meanwhile (by another replica, or
 * a reschedule). `unhandled`/`failed`: left pending; its claim expires and it is tried again.
 */
export type FireOutcome = 'fired' | 'skipped' | 'unhandled' | 'failed';

export interface TimerFirerOptions {
  /** A firing later than this after its due instant counts as late. */
  readonly lateThresholdMs: number;
}

/** Fires one claimed timer: marks it and runs its handler in one transaction, in a span linked to the complaint's trace. */
export class TimerFirer {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly claims: TimerClaims,
    private readonly handlers: TimerHandlers,
    private readonly clock: Clock,
    private readonly metrics: TimerMetrics,
    private readonly logger: TimerLogger,
    private readonly options: TimerFirerOptions,
  ) {}

  async fire(timer: Timer): Promise<FireOutcome> {
    const handler = this.handlers.handlerFor(timer.kind);
    if (!handler) {
      // Most likely a rolling deploy: a replica that knows this kind will take it once the claim expires.
      this.logger.warn({ timerId: timer.id, kind: timer.kind }, 'no handler for timer kind; leaving it to another replica');
      return 'unhandled';
    }
    const firing = this.firingOf(timer);
    try {
      // A new trace, linked to the complaint's: a firing days later is not part of the request that set it.
      return await withSpan(
        'sla',
        'sla.timer.fire',
        {
          parent: ROOT_CONTEXT,
          links: linksToTrace(timer.traceparent),
          attributes: {
            [COMPLAINT_ATTRIBUTES.id]: timer.complaintId,
            'timer.id': timer.id,
            'timer.kind': timer.kind,
            'timer.lag_ms': firing.lagMs,
            'timer.late': firing.late,
          },
        },
        async (span) => {
          const fired = await this.unitOfWork.run(async (tx, sink) => {
            if (!(await this.claims.markFired(tx, timer.id, firing))) return false;
            await handler(tx, timer, firing, timerEvents(sink, timer, firing));
            return true;
          });
          span.setAttribute('timer.outcome', fired ? 'fired' : 'skipped');
          if (fired) this.metrics.recordFiring(timer.kind, firing);
          return fired ? 'fired' : 'skipped';
        },
      );
    } catch (error) {
      this.logger.error({ err: error, timerId: timer.id, kind: timer.kind }, 'timer firing failed; it will be retried');
      return 'failed';
    }
  }

  private firingOf(timer: Timer): TimerFiring {
    const firedAt = this.clock.now();
    const lagMs = Math.max(0, firedAt.getTime() - timer.dueAt.getTime());
    return { firedAt, lagMs, late: lagMs > this.options.lateThresholdMs };
  }
}
