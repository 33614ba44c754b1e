import { SlaClockAlert, SlaClockBreachedV1, SlaClockWarningV1 } from '@complaints/contracts';
import { explanationOf } from '@complaints/policy';
import { EntityManager } from '@mikro-orm/postgresql';
import { MarkedTimer, Timer, TimerBatchHandler, TimerFiring, TimerHandlers, TimerHold } from '../timers';
import { CLOCK_TIMER_KINDS } from './clock-timers';
import { ClockState } from './clock-state';
import { AlertTarget, ClockKey, ComplaintClocksRepository, clockKeyOf } from './complaint-clocks.repository';

const sameInstant = (a: Date | null, b: Date): boolean => a !== null && a.getTime() === b.getTime();

/** The deadline an alert is about, and the warning instant of the same span. */
interface SpanInstants {
  readonly dueAt: Date;
  readonly warnAt: Date | null;
}

function alertOf(target: AlertTarget, span: SpanInstants, firing: TimerFiring): SlaClockAlert {
  return {
    metric: target.clock.metric,
    policyId: target.policyId,
    policyVersion: target.policyVersion,
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
  return { ...clock, status: 'breached', breachedAt: dueAt, explanation: explanationOf(steps), steps };
}

/**
 * What the `clock_warning` and `clock_breach` timers do, for all of a firing batch's timers
 * of one kind at once: one read of their clocks, one write of the breaches, so a burst at
 * close of business costs a few statements per batch rather than a few per timer. The firer
 * has locked the batch's complaints (the batch lock `registerClockAlerts` sets), so what is
 * read stays as read until COMMIT. A timer whose clock has since stopped, paused or moved its
 * deadline is stale and does nothing.
 */
export class ClockAlerts {
  constructor(private readonly repository: ComplaintClocksRepository) {}

  readonly warning: TimerBatchHandler = async (tx, marked) => {
    const targets = await this.targetsOf(tx, marked);
    for (const { timer, firing, events } of marked) {
      const target = targets.get(clockKeyOf(keyOf(timer)));
      if (!target) continue;
      const { clock } = target;
      const running = clock.status === 'running' && sameInstant(clock.warnAt, timer.dueAt);
      // Past the deadline a warning says nothing the breach does not.
      if (!running || clock.dueAt === null || clock.dueAt <= firing.firedAt) continue;
      await events.emit(SlaClockWarningV1, alertOf(target, { dueAt: clock.dueAt, warnAt: clock.warnAt }, firing));
    }
  };

  readonly breach: TimerBatchHandler = async (tx, marked) => {
    const targets = await this.targetsOf(tx, marked);
    const breaches: { complaintId: string; clock: ClockState }[] = [];
    for (const { timer, firing, events } of marked) {
      const target = targets.get(clockKeyOf(keyOf(timer)));
      if (!target) continue;
      const { clock } = target;
      if (clock.startedAt !== null && timer.dueAt < clock.startedAt) {
        // The deadline of a span that a late restart ended (kept for this by clockTimerChanges):
        // that span was breached; the clock runs on in its new one.
        await events.emit(SlaClockBreachedV1, alertOf(target, { dueAt: timer.dueAt, warnAt: scheduledWarnAt(timer) }, firing));
        continue;
      }
      if (!sameInstant(clock.dueAt, timer.dueAt)) continue;
      // `breached` already: kept after its deadline before this timer fired, and not yet announced.
      if (clock.status !== 'running' && clock.status !== 'breached') continue;
      if (clock.status === 'running') breaches.push({ complaintId: timer.complaintId, clock: breached(clock, timer.dueAt) });
      await events.emit(SlaClockBreachedV1, alertOf(target, { dueAt: timer.dueAt, warnAt: clock.warnAt }, firing));
    }
    const [first] = marked;
    if (first) await this.repository.markBreached(tx, breaches, first.firing.firedAt);
  };

  private targetsOf(tx: EntityManager, marked: readonly MarkedTimer[]): Promise<Map<string, AlertTarget>> {
    return this.repository.alertTargets(
      tx,
      marked.map(({ timer }) => keyOf(timer)),
    );
  }
}

/** A clock timer names its clock by the complaint and, as subject, the clock's metric. */
const keyOf = (timer: Timer): ClockKey => ({ complaintId: timer.complaintId, metric: timer.subjectKey });

/**
 * Registers what the clock timers do, as the service runs them: the batch handlers, what holds
 * a breach back (`BreachWatermarkHold`: until the events stored before its deadline are
 * processed) and the batch lock on the complaints they read and write.
 */
export function registerClockAlerts(handlers: TimerHandlers, repository: ComplaintClocksRepository, breachHold: TimerHold): void {
  const alerts = new ClockAlerts(repository);
  handlers.registerBatch(CLOCK_TIMER_KINDS.warning, alerts.warning);
  handlers.registerBatch(CLOCK_TIMER_KINDS.breach, alerts.breach, breachHold);
  // The clock handlers lock the complaint, as complaint events do before they move timers.
  handlers.lockBeforeMarking((tx, complaintIds) => repository.lockAll(tx, complaintIds));
}
