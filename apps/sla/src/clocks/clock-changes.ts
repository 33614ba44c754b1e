import { ClockState } from './clock-state';

/** A clock a re-plan created or changed: as it was (undefined when new) and as it is now. */
export interface ClockChange {
  readonly previous: ClockState | undefined;
  readonly current: ClockState;
}

const INSTANTS = ['startedAt', 'dueAt', 'warnAt', 'metAt', 'breachedAt'] as const;

const sameInstant = (a: Date | null, b: Date | null): boolean =>
  (a?.getTime() ?? null) === (b?.getTime() ?? null);

function differs(previous: ClockState, current: ClockState): boolean {
  return (
    previous.status !== current.status ||
    INSTANTS.some((instant) => !sameInstant(previous[instant], current[instant]))
  );
}

/**
 * The clocks that are new or whose status or instants differ after a re-plan. The explanation
 * is not compared: its words can change with a step that moves nothing, which is no news.
 */
export function clockChanges(previous: readonly ClockState[], next: readonly ClockState[]): ClockChange[] {
  const before = new Map(previous.map((clock) => [clock.metric, clock]));
  return next.flatMap((current) => {
    const earlier = before.get(current.metric);
    return earlier && !differs(earlier, current) ? [] : [{ previous: earlier, current }];
  });
}
