import { EntityManager } from '@mikro-orm/postgresql';
import { Timer, TimerFiring } from './timer';
import { TimerEvents } from './timer-events';

/**
 * What happens when a timer of one kind fires. It runs in the transaction that marks the
 * timer fired: its writes and events commit with that mark or not at all, and a throw
 * leaves the timer to be retried once its claim expires.
 */
export type TimerHandler = (tx: EntityManager, timer: Timer, firing: TimerFiring, events: TimerEvents) => Promise<void>;

/** One marked timer of a firing batch, as its kind's handler gets it. */
export interface MarkedTimer {
  readonly timer: Timer;
  readonly firing: TimerFiring;
  readonly events: TimerEvents;
  /** Runs `work` in the firing's own span, for what belongs to this timer alone. */
  readonly inSpan: <T>(work: () => Promise<T>) => Promise<T>;
}

/**
 * The handler of a kind for all its timers of one firing batch at once, so that it can read
 * and write them set-wise: a burst of breaches at close of business costs a few statements
 * per batch rather than a few per timer. On a failure the firer calls it again with one timer
 * at a time, each in a savepoint, to find the one that fails.
 */
export type TimerBatchHandler = (tx: EntityManager, marked: readonly MarkedTimer[]) => Promise<void>;

/**
 * Decides, once timers of a kind are due and claimed but before they fire, which of them must
 * wait: their ids, each with the instant to look again. The others fire. It runs outside any
 * transaction, so it may ask another system (the breach watermark asks JetStream), and must
 * not throw for what it cannot learn: it decides then too.
 */
export type TimerHold = (timers: readonly Timer[], now: Date) => Promise<ReadonlyMap<string, Date>>;

/** Thrown by a batch handler that knows which of its timers failed: only that one is held back. */
export class TimerFailed extends Error {
  constructor(
    readonly timerId: string,
    readonly failure: unknown,
  ) {
    super(`timer ${timerId} failed`);
  }
}

/**
 * Takes, at the start of a firing transaction, the locks its handlers will take, for the
 * complaints given in the batch's order. A handler that locks a complaint while the batch
 * holds its timers' row locks would otherwise deadlock against a complaint event that locks
 * the complaint first and then moves its timers.
 */
export type BatchLock = (tx: EntityManager, complaintIds: readonly string[]) => Promise<void>;

/** The handler for each timer kind, registered by the modules that schedule that kind. */
export class TimerHandlers {
  private readonly byKind = new Map<string, TimerBatchHandler>();
  private readonly holds = new Map<string, TimerHold>();
  private batchLock: BatchLock = async () => undefined;

  /** A handler that takes one timer at a time, in its own span. */
  register(kind: string, handler: TimerHandler): void {
    this.registerBatch(kind, async (tx, marked) => {
      for (const { timer, firing, events, inSpan } of marked) {
        try {
          await inSpan(() => handler(tx, timer, firing, events));
        } catch (error) {
          throw new TimerFailed(timer.id, error);
        }
      }
    });
  }

  /** `hold`: what may keep this kind's due timers from firing yet (see `TimerHold`). */
  registerBatch(kind: string, handler: TimerBatchHandler, hold?: TimerHold): void {
    if (this.byKind.has(kind)) throw new Error(`a handler for timer kind ${kind} is registered twice`);
    this.byKind.set(kind, handler);
    if (hold) this.holds.set(kind, hold);
  }

  handlerFor(kind: string): TimerBatchHandler | undefined {
    return this.byKind.get(kind);
  }

  holdFor(kind: string): TimerHold | undefined {
    return this.holds.get(kind);
  }

  /** Set by the module that owns what the handlers lock (the complaints, for clock timers). */
  lockBeforeMarking(lock: BatchLock): void {
    this.batchLock = lock;
  }

  lockBatch(tx: EntityManager, complaintIds: readonly string[]): Promise<void> {
    return this.batchLock(tx, complaintIds);
  }
}
