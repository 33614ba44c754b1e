import { addTarget, type TimeKind } from '../calendar/add-target';
import type { BusinessCalendar } from '../calendar/business-calendar';
import type { ClockSpec } from '../schema/clock.schema';
import { formatLocalWithOffset } from '../text/time-text';
import { applyPauses } from './apply-pauses';
import type { Pause, SeenClockEvent } from './clock-facts';

/** The span of a clock that counts now: a recurring clock starts a new one on each restart. */
export interface ClockSpan {
  /** 1 for the span from the anchor, then one more per restart. */
  readonly number: number;
  readonly start: number;
  /** How a restarted span began; empty for the first span. */
  readonly steps: readonly string[];
}

/**
 * The restarts that count: events the clock restarts on, after it started and before the
 * first event that stops it (a stop ends the clock, so a later update starts nothing). A
 * restart at the instant its span started would start an empty span, so it is ignored.
 */
function restartsOf(clock: ClockSpec, anchor: number, events: readonly SeenClockEvent[]): SeenClockEvent[] {
  const stop = events.find((seen) => seen.at >= anchor && clock.stopsOn.includes(seen.event));
  const restarts: SeenClockEvent[] = [];
  for (const seen of events) {
    if (stop !== undefined && seen.at >= stop.at) break;
    const spanStart = restarts.at(-1)?.at ?? anchor;
    if (seen.at > spanStart && clock.restartsOn.includes(seen.event)) restarts.push(seen);
  }
  return restarts;
}

/** The pauses as they stood at `end`: one still going on, or going on past it, ends there. */
function pausesUntil(pauses: readonly Pause[], end: number): Pause[] {
  return pauses
    .filter((pause) => pause.from < end)
    .map((pause) => ({ ...pause, to: Math.min(pause.to ?? end, end) }));
}

/**
 * The current span of a clock started at `anchor`, with a step saying what restarted it and
 * whether the span before had already lapsed (its deadline, with the pauses before the
 * restart, came first): that span was breached whatever the restart says.
 */
export function currentSpan(
  calendar: BusinessCalendar,
  clock: ClockSpec,
  kind: TimeKind,
  anchor: number,
  events: readonly SeenClockEvent[],
  pauses: readonly Pause[],
): ClockSpan {
  const restarts = clock.restartsOn.length === 0 ? [] : restartsOf(clock, anchor, events);
  const restart = restarts.at(-1);
  if (!restart) return { number: 1, start: anchor, steps: [] };

  const number = restarts.length + 1;
  const previousStart = restarts.at(-2)?.at ?? anchor;
  const planned = addTarget(calendar, previousStart, clock.target).getTime();
  const previous = applyPauses(calendar, kind, previousStart, planned, pausesUntil(pauses, restart.at));
  if (previous.paused)
    throw new Error('every pause has ended by the restart, so the previous deadline is known');
  const previousDue = previous.at;
  const zone = calendar.zone;
  const outcome =
    restart.at > previousDue
      ? `span ${number - 1} was breached at its deadline ${formatLocalWithOffset(previousDue, zone)}`
      : `span ${number - 1} (due ${formatLocalWithOffset(previousDue, zone)}) was kept`;
  return {
    number,
    start: restart.at,
    steps: [
      `span ${number}: restarted by ${restart.event} at ${formatLocalWithOffset(restart.at, zone)}; ${outcome}`,
    ],
  };
}
