import { OutboxEntry, UnitOfWork } from '@complaints/messaging';
import { COMPLAINT_ATTRIBUTES } from '@complaints/telemetry';
import { ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import { Clock } from './clock';
import { Timer, TimerFiring } from './timer';
import { TimerClaims } from './timer-claims';
import { timerEvents } from './timer-events';
import { MarkedTimer, TimerBatchHandler, TimerFailed, TimerHandlers } from './timer-handlers';
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

/** One timer of a batch on its way through the firing transaction. */
interface Attempt {
  readonly timer: Timer;
  readonly handler: TimerBatchHandler;
  readonly firing: TimerFiring;
  readonly span: Span;
}

const byComplaintThenDue = (a: Timer, b: Timer): number =>
  a.complaintId < b.complaintId ? -1 : a.complaintId > b.complaintId ? 1 : a.dueAt.getTime() - b.dueAt.getTime();

/**
 * Fires claimed timers a batch per transaction: the batch's complaints are locked first (see
 * `BatchLock`), one statement marks the batch fired (only rows still unfired and not
 * cancelled), then each marked timer's handler runs in that transaction, and everything
 * commits together with the handlers' outbox events (their ids derived from the timer),
 * written in one statement after the last handler. Should a handler throw, the batch is
 * rolled back and the other timers run again with a SAVEPOINT each (a handler failing then
 * rolls back to its savepoint, its mark is taken back and its events dropped): a failed
 * timer stays pending under its claim and is retried once the lease ends, while the other
 * timers of the batch fire. Should the transaction itself fail, nothing of the batch
 * committed: every timer is retried after the lease, and `fired_at is null` keeps a timer
 * that another replica fired meanwhile from firing again.
 *
 * Each firing is a span of its own, linked to the complaint's trace, ended once its batch
 * committed (or did not).
 */
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

  /** Fires one claimed timer: a batch of one. */
  async fire(timer: Timer): Promise<FireOutcome> {
    return (await this.fireBatch([timer])).get(timer.id) ?? 'failed';
  }

  /** Fires claimed timers in one transaction; returns each timer's outcome by id. */
  async fireBatch(timers: readonly Timer[]): Promise<Map<string, FireOutcome>> {
    const outcomes = new Map<string, FireOutcome>();
    const firedAt = this.clock.now();
    const attempts: Attempt[] = [];
    // Timers of one complaint next to each other and complaints in one global order: batches
    // running at once (here or on other replicas) take the complaint locks in the same order,
    // so they can wait for each other but never deadlock.
    for (const timer of [...timers].sort(byComplaintThenDue)) {
      const handler = this.handlers.handlerFor(timer.kind);
      if (!handler) {
        // Most likely a rolling deploy: a replica that knows this kind will take it once the claim expires.
        this.logger.warn({ timerId: timer.id, kind: timer.kind }, 'no handler for timer kind; leaving it to another replica');
        outcomes.set(timer.id, 'unhandled');
        continue;
      }
      const firing = this.firingOf(timer, firedAt);
      attempts.push({ timer, handler, firing, span: this.startSpan(timer, firing) });
    }
    if (attempts.length === 0) return outcomes;

    let results: Map<string, FireOutcome>;
    try {
      try {
        results = await this.runBatch(attempts);
      } catch (error) {
        if (!(error instanceof HandlerFailed)) throw error;
        // A handler failed: the batch was rolled back whole. Run the timers again, each in a
        // savepoint of its own which confines any failure to its timer. A timer known to have
        // failed stays pending under its claim and is retried once the lease ends.
        const known = error.culprit;
        if (known) this.failed(known, error.failure);
        const others = attempts.filter((other) => other !== known);
        results = others.length > 0 ? await this.runBatch(others, true) : new Map<string, FireOutcome>();
        if (known) results.set(known.timer.id, 'failed');
      }
    } catch (error) {
      this.logger.error(
        { err: error, timerIds: attempts.map(({ timer }) => timer.id) },
        'timer batch failed; its timers will be retried',
      );
      results = new Map(attempts.map(({ timer, span }) => (recordError(span, error), [timer.id, 'failed'])));
    }

    for (const { timer, firing, span } of attempts) {
      const outcome = results.get(timer.id) ?? 'failed';
      outcomes.set(timer.id, outcome);
      span.setAttribute('timer.outcome', outcome);
      span.end();
      if (outcome === 'fired') this.metrics.recordFiring(timer.kind, firing);
    }
    return outcomes;
  }

  /**
   * The firing transaction of a batch. Not `isolated`, each kind's handler runs once, with all
   * its timers, straight in it, and the first to throw aborts it (`HandlerFailed`): the common
   * case pays no savepoint, and a long batch does not overflow PostgreSQL's cache of 64
   * subtransactions per backend, past which every snapshot on the server slows down.
   * `isolated`, each timer's handler runs alone in a SAVEPOINT (a nested transaction); one that
   * throws rolls back to it, its timer's mark is taken back and its events are dropped.
   */
  private runBatch(attempts: readonly Attempt[], isolated = false): Promise<Map<string, FireOutcome>> {
    return this.unitOfWork.run(async (tx, sink) => {
      await this.handlers.lockBatch(tx, [...new Set(attempts.map(({ timer }) => timer.complaintId))]);
      const marked = await this.claims.markFiredBatch(
        tx,
        attempts.map(({ timer, firing }) => ({ timerId: timer.id, firing })),
      );
      const results = new Map<string, FireOutcome>();
      const running: Running[] = [];
      for (const attempt of attempts) {
        if (marked.has(attempt.timer.id)) running.push(runningOf(attempt));
        else results.set(attempt.timer.id, 'skipped');
      }
      const fired: Running[] = [];
      if (!isolated) {
        for (const group of byHandler(running)) {
          try {
            await group.handler(tx, group.members.map(({ marked }) => marked));
          } catch (error) {
            throw new HandlerFailed(error instanceof TimerFailed ? error.failure : error, culpritOf(group.members, error));
          }
        }
        fired.push(...running);
      } else {
        for (const member of running) {
          const { attempt } = member;
          try {
            await tx.transactional((savepoint) => attempt.handler(savepoint, [member.marked]));
            fired.push(member);
          } catch (error) {
            await this.claims.unmarkFired(tx, attempt.timer.id);
            this.failed(attempt, error);
            results.set(attempt.timer.id, 'failed');
          }
        }
      }
      for (const { attempt } of fired) results.set(attempt.timer.id, 'fired');
      await sink.publishAll(fired.flatMap(({ emitted }) => emitted));
      return results;
    });
  }

  private failed({ timer, span }: Attempt, error: unknown): void {
    recordError(span, error);
    this.logger.error({ err: error, timerId: timer.id, kind: timer.kind }, 'timer firing failed; it will be retried');
  }

  /** A new trace, linked to the complaint's: a firing days later is not part of the request that set it. */
  private startSpan(timer: Timer, firing: TimerFiring): Span {
    return trace.getTracer('sla').startSpan(
      'sla.timer.fire',
      {
        kind: SpanKind.INTERNAL,
        links: linksToTrace(timer.traceparent),
        attributes: {
          [COMPLAINT_ATTRIBUTES.id]: timer.complaintId,
          'timer.id': timer.id,
          'timer.kind': timer.kind,
          'timer.lag_ms': firing.lagMs,
          'timer.late': firing.late,
        },
      },
      ROOT_CONTEXT,
    );
  }

  private firingOf(timer: Timer, firedAt: Date): TimerFiring {
    const lagMs = Math.max(0, firedAt.getTime() - timer.dueAt.getTime());
    return { firedAt, lagMs, late: lagMs > this.options.lateThresholdMs };
  }
}

/** A handler threw in a batch run without savepoints: the batch is run again with them. */
class HandlerFailed extends Error {
  constructor(
    readonly failure: unknown,
    /** The timer that failed, when it is known: the handler's only one, or the one it named. */
    readonly culprit: Attempt | undefined,
  ) {
    super('a timer handler failed in a batch without savepoints');
  }
}

/** A marked timer on its way through its handler, with the events it emits. */
interface Running {
  readonly attempt: Attempt;
  readonly marked: MarkedTimer;
  readonly emitted: OutboxEntry[];
}

function runningOf(attempt: Attempt): Running {
  const { timer, firing, span } = attempt;
  const emitted: OutboxEntry[] = [];
  return {
    attempt,
    emitted,
    marked: {
      timer,
      firing,
      events: timerEvents(emitted, timer, firing),
      inSpan: (work) => context.with(trace.setSpan(ROOT_CONTEXT, span), work),
    },
  };
}

function culpritOf(members: readonly Running[], error: unknown): Attempt | undefined {
  if (members.length === 1) return members[0]?.attempt;
  if (!(error instanceof TimerFailed)) return undefined;
  return members.find(({ attempt }) => attempt.timer.id === error.timerId)?.attempt;
}

/** The marked timers by handler, in the batch's order, so each handler runs once per batch. */
function byHandler(running: readonly Running[]): { handler: TimerBatchHandler; members: Running[] }[] {
  const groups = new Map<TimerBatchHandler, Running[]>();
  for (const member of running) {
    const members = groups.get(member.attempt.handler) ?? [];
    members.push(member);
    groups.set(member.attempt.handler, members);
  }
  return [...groups].map(([handler, members]) => ({ handler, members }));
}

function recordError(span: Span, error: unknown): void {
  span.recordException(error as Error);
  span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
}
