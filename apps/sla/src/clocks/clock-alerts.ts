import { SlaClockAlert, SlaClockBreachedV1, SlaClockWarningV1 } from '@complaints/contracts';
import { ClockId } from '@complaints/policy';
import { EntityManager } from '@mikro-orm/postgresql';
import { Timer, TimerFiring, TimerHandler } from '../timers';
import { ClockState } from './clock-state';
import { ComplaintClocksRepository } from './complaint-clocks.repository';
import { SlaComplaint } from './sla-complaint';

const sameInstant = (a: Date | null, b: Date): boolean => a !== null && a.getTime() === b.getTime();

/** The deadline an alert is about, and the warning instant of the same span. */
interface SpanInstants {
  readonly dueAt: Date;
  readonly warnAt: Date | null;
}

function alertOf(complaint: SlaComplaint, metric: ClockId, span: SpanInstants, firing: TimerFiring): SlaClockAlert {
  return {
    metric,
    policyId: complaint.policyId,
    policyVersion: complaint.policyVersion,
    dueAt: span.dueAt.toISOString(),
    warnAt: span.warnAt?.toISOString() ?? null,
    firedAt: firing.firedAt.toISOString(),
    lagMs: firing.lagMs,
    late: firing.late,
  };
}

/** The warning instant of the span the timer was scheduled for, as its payload recorded it. */
function scheduledWarnAt(timer: Timer): Date | null {
  const warnAt = timer.payload['warnAt'];
  return typeof warnAt === 'string' ? new Date(warnAt) : null;
}

function breached(clock: ClockState, dueAt: Date): ClockState {
  const steps = [...clock.steps, 'breached: the deadline passed while the clock was running'];
  return { ...clock, status: 'breached', breachedAt: dueAt, explanation: `${steps.join('. ')}.`, steps };
}

/**
 * What the `clock_warning` and `clock_breach` timers do. Each re-reads the clock under the
 * complaint's lock in the firing transaction: a timer whose clock has since stopped, paused
 * or moved its deadline is stale and does nothing.
 */
export class ClockAlerts {
  constructor(private readonly repository: ComplaintClocksRepository) {}

  readonly warning: TimerHandler = async (tx, timer, firing, events) => {
    const found = await this.clockOf(tx, timer);
    if (!found) return;
    const { complaint, clock } = found;
    const running = clock.status === 'running' && sameInstant(clock.warnAt, timer.dueAt);
    // Past the deadline a warning says nothing the breach does not.
    if (!running || clock.dueAt === null || clock.dueAt <= firing.firedAt) return;
    await events.emit(SlaClockWarningV1, alertOf(complaint, clock.metric, { dueAt: clock.dueAt, warnAt: clock.warnAt }, firing));
  };

  readonly breach: TimerHandler = async (tx, timer, firing, events) => {
    const found = await this.clockOf(tx, timer);
    if (!found) return;
    const { complaint, clock, clocks } = found;
    if (clock.startedAt !== null && timer.dueAt < clock.startedAt) {
      // The deadline of a span that a late restart ended (kept for this by clockTimerChanges):
      // that span was breached; the clock runs on in its new one.
      await events.emit(SlaClockBreachedV1, alertOf(complaint, clock.metric, { dueAt: timer.dueAt, warnAt: scheduledWarnAt(timer) }, firing));
      return;
    }
    if (!sameInstant(clock.dueAt, timer.dueAt)) return;
    // `breached` already: kept after its deadline before this timer fired, and not yet announced.
    if (clock.status !== 'running' && clock.status !== 'breached') return;
    if (clock.status === 'running') {
      const updated = clocks.map((candidate) => (candidate === clock ? breached(clock, timer.dueAt) : candidate));
      await this.repository.saveClocks(tx, complaint.complaintId, updated, firing.firedAt);
    }
    await events.emit(SlaClockBreachedV1, alertOf(complaint, clock.metric, { dueAt: timer.dueAt, warnAt: clock.warnAt }, firing));
  };

  private async clockOf(
    tx: EntityManager,
    timer: Timer,
  ): Promise<{ complaint: SlaComplaint; clock: ClockState; clocks: ClockState[] } | undefined> {
    const complaint = await this.repository.lock(tx, timer.complaintId);
    if (!complaint) return undefined;
    const clocks = await this.repository.clocksOf(tx, timer.complaintId);
    const clock = clocks.find((candidate) => candidate.metric === timer.subjectKey);
    return clock && { complaint, clock, clocks };
  }
}
