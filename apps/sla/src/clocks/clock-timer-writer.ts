import { EntityManager } from '@mikro-orm/postgresql';
import { TimerStore } from '../timers';
import { ClockState } from './clock-state';
import { ClockTimerChange } from './clock-timers';
import { SlaComplaint } from './sla-complaint';

/** Carries out timer changes in the caller's transaction. */
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
}
