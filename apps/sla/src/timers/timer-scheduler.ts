import { UnitOfWork } from '@complaints/messaging';
import { MikroORM } from '@mikro-orm/postgresql';
import { Clock } from './clock';
import { Timer } from './timer';
import { TimerClaims } from './timer-claims';
import { TimerFirer } from './timer-firer';
import { TimerHandlers } from './timer-handlers';
import { TimerLogger } from './timer-logger';
import { TimerMetrics } from './timer-metrics';
import { UpcomingTimers } from './upcoming-timers';

export interface TimerSchedulerOptions {
  /** Names this replica in `claimed_by`; unique per process. */
  readonly replicaId: string;
  /** How long a claim holds before another replica may take the timer over. */
  readonly leaseMs?: number;
  /** How far ahead pending timers are held in memory. */
  readonly lookaheadMs?: number;
  /** Timers claimed per round trip. */
  readonly batchSize?: number;
  /** How often the window is re-read, for timers scheduled by other replicas. */
  readonly reloadIntervalMs?: number;
  /** A firing later than this after its due instant counts as late. */
  readonly lateThresholdMs?: number;
  /** Firing transactions run at once, each firing a share of a claim; keep it under the connection pool's size. */
  readonly concurrency?: number;
  /** At most this many timers are held in memory. */
  readonly maxHeld?: number;
}

export interface TimerSchedulerDependencies {
  readonly orm: MikroORM;
  /** The firing transaction: marks the timer, runs its handler, appends its events, wakes the relay after COMMIT. */
  readonly unitOfWork: UnitOfWork;
  readonly handlers: TimerHandlers;
  readonly clock: Clock;
  readonly logger: TimerLogger;
  readonly metrics?: TimerMetrics;
}

/** Node's setTimeout overflows past ~24.8 days; the scheduler never needs to sleep that long anyway. */
const MAX_SLEEP_MS = 60_000;
/** After a failed pass (PostgreSQL unreachable), wait this long before trying again. */
const RETRY_AFTER_FAILURE_MS = 1000;
/**
 * After a pass that fired nothing while a held timer is already ready (its row locked by a
 * transaction that is rescheduling it, say), wait this long rather than spin on the database.
 */
const IDLE_RETRY_MS = 50;

/**
 * Fires due timers, exactly once across any number of replicas. It holds the next timers of
 * a look-ahead window in memory and sleeps until the earliest; then it claims due rows in
 * batches (leases, FOR UPDATE SKIP LOCKED) and fires each claim in a few transactions run at
 * once, a batch of timers per transaction (see `TimerFirer.fireBatch`). On start
 * every overdue timer fires at once; a crashed replica's claims expire and are taken over.
 */
export class TimerScheduler {
  private readonly claims = new TimerClaims();
  private readonly upcoming = new UpcomingTimers();
  private readonly firer: TimerFirer;
  private readonly replicaId: string;
  private readonly leaseMs: number;
  private readonly lookaheadMs: number;
  private readonly batchSize: number;
  private readonly reloadIntervalMs: number;
  private readonly concurrency: number;
  private readonly maxHeld: number;
  private running = false;
  private stopping = false;
  private alarm: NodeJS.Timeout | undefined;
  private wakePending = false;
  private nextReloadAt = Number.NEGATIVE_INFINITY;
  private lastPassFiredNothing = false;
  /** Passes run one at a time; this is the tail of the queue. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dependencies: TimerSchedulerDependencies,
    options: TimerSchedulerOptions,
  ) {
    this.replicaId = options.replicaId;
    this.leaseMs = options.leaseMs ?? 10_000;
    this.lookaheadMs = options.lookaheadMs ?? 30_000;
    this.batchSize = options.batchSize ?? 400;
    this.reloadIntervalMs = Math.min(options.reloadIntervalMs ?? 5000, this.lookaheadMs);
    this.concurrency = options.concurrency ?? 4;
    this.maxHeld = options.maxHeld ?? 2000;
    this.firer = new TimerFirer(
      dependencies.unitOfWork,
      this.claims,
      dependencies.handlers,
      dependencies.clock,
      dependencies.metrics ?? new TimerMetrics(),
      dependencies.logger,
      { lateThresholdMs: options.lateThresholdMs ?? 1000 },
    );
  }

  /** Starts firing, beginning with everything already overdue. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    this.wake();
  }

  /** Stops claiming and waits for the firings in flight; claims it still holds simply expire. */
  async stop(): Promise<void> {
    this.running = false;
    this.stopping = true;
    this.clearAlarm();
    await this.queue;
  }

  /**
   * A timer was scheduled for `dueAt`. Call it after the scheduling transaction committed;
   * called earlier, it still works for timers due after the COMMIT.
   */
  notify(dueAt: Date): void {
    if (this.upcoming.hint(dueAt) && this.running && !this.wakePending) this.arm();
  }

  /** Runs one pass now: claims and fires every timer due by the clock. Returns how many fired. */
  fireDue(): Promise<number> {
    return this.exclusive(() => this.pass());
  }

  private wake(): void {
    if (this.wakePending) return;
    this.wakePending = true;
    this.clearAlarm();
    void this.exclusive(async () => {
      this.wakePending = false;
      if (!this.stopping) await this.passOrBackOff();
    }).finally(() => this.arm());
  }

  private arm(): void {
    if (!this.running || this.wakePending) return;
    this.clearAlarm();
    const next = Math.min(this.upcoming.earliest() ?? Number.POSITIVE_INFINITY, this.nextReloadAt);
    const untilNext = next - this.dependencies.clock.now().getTime();
    const overdueDelay = this.lastPassFiredNothing ? IDLE_RETRY_MS : 0;
    const delay = untilNext > 0 ? Math.min(MAX_SLEEP_MS, untilNext) : overdueDelay;
    this.alarm = setTimeout(() => this.wake(), delay);
  }

  private clearAlarm(): void {
    clearTimeout(this.alarm);
    this.alarm = undefined;
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async passOrBackOff(): Promise<void> {
    try {
      await this.pass();
    } catch (error) {
      this.dependencies.logger.error({ err: error }, 'timer pass failed; retrying shortly');
      this.upcoming.clear();
      this.nextReloadAt = this.dependencies.clock.now().getTime() + RETRY_AFTER_FAILURE_MS;
    }
  }

  private async pass(): Promise<number> {
    if (this.dependencies.clock.now().getTime() >= this.nextReloadAt) await this.reload();
    const { fired, cutoff } = await this.drain();
    const passed = this.upcoming.takeReady(cutoff);
    // A due timer this pass did not fire is held by another replica's claim (or failed here):
    // re-read it to learn when that claim expires. A cut-off window that ran dry may hide more.
    const unresolved = passed.some((wake) => wake.timerId !== undefined && !fired.has(wake.timerId));
    if (unresolved || this.upcoming.exhausted()) await this.reload();
    this.lastPassFiredNothing = fired.size === 0;
    return fired.size;
  }

  private async reload(): Promise<void> {
    const now = this.dependencies.clock.now();
    const horizon = new Date(now.getTime() + this.lookaheadMs);
    const timers = await this.claims.upcoming(this.dependencies.orm.em.fork(), horizon, this.maxHeld);
    this.upcoming.load(timers, horizon, this.maxHeld);
    this.nextReloadAt = now.getTime() + this.reloadIntervalMs;
  }

  /** Claims and fires batches until fewer than a batch are due; `cutoff` is when the last claim looked. */
  private async drain(): Promise<{ fired: Set<string>; cutoff: number }> {
    const fired = new Set<string>();
    for (;;) {
      const now = this.dependencies.clock.now();
      const claimed = await this.claims.claimDue(
        this.dependencies.orm.em.fork(),
        this.replicaId,
        now,
        this.leaseMs,
        this.batchSize,
      );
      const batches = firingBatches(await this.releaseHeld(claimed, now), this.concurrency);
      await Promise.all(
        batches.map(async (batch) => {
          for (const [timerId, outcome] of await this.firer.fireBatch(batch)) if (outcome === 'fired') fired.add(timerId);
        }),
      );
      if (claimed.length < this.batchSize || this.stopping) return { fired, cutoff: now.getTime() };
    }
  }

  /**
   * The claimed timers that may fire now. Those their kind's hold keeps back stay claimed by
   * this replica until the instant the hold named; the next reload sees when, and wakes then.
   */
  private async releaseHeld(claimed: readonly Timer[], now: Date): Promise<Timer[]> {
    const held = new Map<string, Date>();
    for (const [kind, timers] of byKind(claimed)) {
      const hold = this.dependencies.handlers.holdFor(kind);
      if (hold) for (const [timerId, until] of await hold(timers, now)) held.set(timerId, until);
    }
    await this.claims.holdClaims(this.dependencies.orm.em.fork(), this.replicaId, held);
    return claimed.filter((timer) => !held.has(timer.id));
  }
}

function byKind(timers: readonly Timer[]): Map<string, Timer[]> {
  const kinds = new Map<string, Timer[]>();
  for (const timer of timers) {
    const ofKind = kinds.get(timer.kind) ?? [];
    ofKind.push(timer);
    kinds.set(timer.kind, ofKind);
  }
  return kinds;
}

/**
 * Splits a claim into at most `count` firing transactions of about equal size, keeping a
 * complaint's timers in one of them: two transactions never wait on each other's complaint.
 */
export function firingBatches(timers: readonly Timer[], count: number): Timer[][] {
  const sorted = [...timers].sort((a, b) => (a.complaintId < b.complaintId ? -1 : a.complaintId > b.complaintId ? 1 : 0));
  const size = Math.ceil(sorted.length / Math.max(1, count));
  const batches: Timer[][] = [];
  let batch: Timer[] = [];
  for (const timer of sorted) {
    const previous = batch[batch.length - 1];
    if (batch.length >= size && previous?.complaintId !== timer.complaintId) {
      batches.push(batch);
      batch = [];
    }
    batch.push(timer);
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
