import { SlaClockBreachedV1 } from '@complaints/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { TimerStore, timerEventId } from '../timers';
import { ClockState } from './clock-state';
import { CLOCK_TIMER_KINDS, ClockTimerChange } from './clock-timers';
import { SlaComplaint } from './sla-complaint';

/** Carries out timer changes in the caller's transaction, and says what the breach timers announced. */
export class ClockTimerWriter {
  constructor(private readonly store: TimerStore) {}

  /** Returns the instants of the timers scheduled, for the scheduler to hear of after COMMIT. */
  async apply(
    tx: EntityManager,
    complaint: SlaComplaint,
    clocks: readonly ClockState[],
    changes: readonly ClockTimerChange[],
  ): Promise<Date[]> {
    const scheduled: Date[] = [];
    for (const change of changes) {
      const key = { complaintId: complaint.complaintId, kind: change.kind, subjectKey: change.metric };
      if (change.dueAt === null) {
        await this.store.cancel(tx, key);
        continue;
      }
      const clock = clocks.find((candidate) => candidate.metric === change.metric);
      const timer = {
        ...key,
        dueAt: change.dueAt,
        payload: {
          policyId: complaint.policyId,
          policyVersion: complaint.policyVersion,
          dueAt: clock?.dueAt?.toISOString() ?? null,
          warnAt: clock?.warnAt?.toISOString() ?? null,
        },
      };
      await (change.besidePending ? this.store.schedule(tx, timer) : this.store.reschedule(tx, timer));
      scheduled.push(change.dueAt);
    }
    return scheduled;
  }

  /**
   * The `sla.clock-breached` event of the clock's breach at `dueAt`: announced by the breach
   * timer that fired then, or to be by the one still pending for it. Undefined once no such
   * timer is kept (ended timers are purged after their retention).
   */
  async breachEventIdAt(tx: EntityManager, complaintId: string, metric: string, dueAt: Date): Promise<string | undefined> {
    const timers = await this.store.list(tx, { complaintId, kind: CLOCK_TIMER_KINDS.breach, subjectKey: metric });
    const atDeadline = timers.filter((timer) => timer.dueAt.getTime() === dueAt.getTime());
    const timer = atDeadline.find((candidate) => candidate.firedAt !== null) ?? atDeadline.find((candidate) => candidate.cancelledAt === null);
    return timer && timerEventId(timer, SlaClockBreachedV1);
  }
}
