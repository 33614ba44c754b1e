import { EntityManager } from '@mikro-orm/postgresql';
import { Timer, TimerFiring } from './timer';
import { TimerEvents } from './timer-events';

/**
 * What happens when a timer of one kind fires. It runs in the transaction that marks the
 * timer fired: its writes and events commit with that mark or not at all, and a throw
 * leaves the timer to be retried once its claim expires.
 */
export type TimerHandler = (tx: EntityManager, timer: Timer, firing: TimerFiring, events: TimerEvents) => Promise<void>;

/**
 * Takes, at the start of a firing transaction, the locks its handlers will take, for the
 * complaints given in the batch's order. A handler that locks a complaint while the batch
 * holds its timers' row locks would otherwise deadlock against a complaint event that locks
 * the complaint first and then moves its timers.
 */
export type BatchLock = (tx: EntityManager, complaintIds: readonly string[]) => Promise<void>;

/** The handler for each timer kind, registered by the modules that schedule that kind. */
export class TimerHandlers {
  private readonly byKind = new Map<string, TimerHandler>();
  private batchLock: BatchLock = async () => undefined;

  register(kind: string, handler: TimerHandler): void {
    if (this.byKind.has(kind)) throw new Error(`a handler for timer kind ${kind} is registered twice`);
    this.byKind.set(kind, handler);
  }

  handlerFor(kind: string): TimerHandler | undefined {
    return this.byKind.get(kind);
  }

  /** Set by the module that owns what the handlers lock (the complaints, for clock timers). */
  lockBeforeMarking(lock: BatchLock): void {
    this.batchLock = lock;
  }

  lockBatch(tx: EntityManager, complaintIds: readonly string[]): Promise<void> {
    return this.batchLock(tx, complaintIds);
  }
}
