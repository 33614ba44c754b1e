import type { BusinessCalendar } from '../calendar/business-calendar';
import type { Pause } from '../planning/clock-facts';

/**
 * The open time of a calendar inside [from, to) that no pause covers: how long a clock ran in
 * business time. `pauses` must be merged (no overlaps, as `clockPauses` gives them); a pause
 * still going on covers everything after its start. 0 when `to` is not after `from`.
 */
export function businessMillisOutsidePauses(
  calendar: BusinessCalendar,
  from: number,
  to: number,
  pauses: readonly Pause[],
): number {
  if (to <= from) return 0;
  const paused = pauses.reduce((total, pause) => {
    const start = Math.max(pause.from, from);
    const end = Math.min(pause.to ?? to, to);
    return end > start ? total + calendar.businessMillisBetween(start, end) : total;
  }, 0);
  return calendar.businessMillisBetween(from, to) - paused;
}
