import type { TimeKind } from '../calendar/add-target';
import type { BusinessCalendar } from '../calendar/business-calendar';
import type { PauseReason } from '../schema/policy-vocabulary';
import { formatDuration, formatLocal, formatLocalWithOffset } from '../text/time-text';
import type { Pause } from './clock-facts';

const REASON_WORDS: Record<PauseReason, string> = {
  awaiting_customer: 'awaiting the customer',
  awaiting_authorization: "awaiting the customer's written authorisation",
};

/** Pauses with every reason that stops this clock, merged where they overlap. */
export function mergePauses(pauses: readonly Pause[], reasons: readonly PauseReason[]): Pause[] {
  const merged: { from: number; to?: number; reason: PauseReason }[] = [];
  for (const pause of [...pauses].filter((p) => reasons.includes(p.reason)).sort((a, b) => a.from - b.from)) {
    const last = merged.at(-1);
    if (last && (last.to === undefined || pause.from <= last.to)) {
      last.to = last.to === undefined || pause.to === undefined ? undefined : Math.max(last.to, pause.to);
    } else {
      merged.push({ ...pause });
    }
  }
  return merged;
}

export type PausedInstant =
  | { readonly paused: false; readonly at: number; readonly notes: readonly string[] }
  | {
      readonly paused: true;
      readonly since: number;
      readonly remaining: number;
      readonly notes: readonly string[];
    };

/**
 * Moves an instant of a clock later by the time the clock spent paused before reaching it
 * (POLICIES.md "Pause"): open business time for business clocks, elapsed time otherwise.
 * A pause that starts at or after the instant does not move it; one still going on leaves it
 * unknown until the clock resumes.
 */
export function applyPauses(
  calendar: BusinessCalendar,
  kind: TimeKind,
  start: number,
  instant: number,
  pauses: readonly Pause[],
): PausedInstant {
  const zone = calendar.zone;
  const measure = (from: number, to: number): number =>
    kind === 'business' ? calendar.businessMillisBetween(from, to) : to - from;
  const measured = kind === 'business' ? 'of business time' : 'elapsed';
  const notes: string[] = [];
  let at = instant;
  for (const pause of pauses) {
    if (pause.to !== undefined && pause.to <= start) continue;
    const from = Math.max(pause.from, start);
    const reason = REASON_WORDS[pause.reason];
    if (from >= at) {
      notes.push(
        `a pause ${reason} from ${formatLocal(from, zone)} starts after ${formatLocal(at, zone)} and does not move it`,
      );
      continue;
    }
    if (pause.to === undefined) {
      const remaining = measure(from, at);
      notes.push(
        `paused ${reason} since ${formatLocal(from, zone)} with ${formatDuration(remaining)} ${measured} left`,
      );
      return { paused: true, since: from, remaining, notes };
    }
    const inside = measure(from, pause.to);
    if (inside > 0) at = kind === 'business' ? calendar.addBusinessMillis(at, inside).getTime() : at + inside;
    notes.push(
      `paused ${reason} ${formatLocal(from, zone)} – ${formatLocal(pause.to, zone)}: ` +
        `${formatDuration(inside)} ${measured} inside the pause → ${formatLocalWithOffset(at, zone)}`,
    );
  }
  return { paused: false, at, notes };
}
