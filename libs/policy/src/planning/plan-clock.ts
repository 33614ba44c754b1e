import { addTarget, type TimeKind, timeKindOf } from '../calendar/add-target';
import type { BusinessCalendar } from '../calendar/business-calendar';
import type { ClockSpec } from '../schema/clock.schema';
import type { PauseReason } from '../schema/policy-vocabulary';
import { describeTarget, formatDuration, formatLocalWithOffset } from '../text/time-text';
import { applyPauses, mergePauses, type PausedInstant } from './apply-pauses';
import { ANCHOR_PHRASES, complaintStart, resolveAnchor } from './clock-anchor';
import type { ClockFacts, Pause } from './clock-facts';
import { type PlannedClock, explanationOf } from './clock-plan';
import { currentSpan } from './clock-span';
import { expectedDeadline } from './expected-date';
import { explainSpan } from './explain-span';

const DEFAULT_WARNING_FRACTION = 0.75;

/**
 * A third party's complaint waits for the customer's written authorisation from the start of
 * the complaint until it is verified, unless the caller already lists that pause.
 */
function pausesOf(facts: ClockFacts): Pause[] {
  const explicit = facts.pauses.some((pause) => pause.reason === 'awaiting_authorization');
  const from = complaintStart(facts);
  if (!facts.thirdParty || explicit || from === undefined) return [...facts.pauses];
  return [...facts.pauses, { from, to: facts.authorisationVerifiedAt, reason: 'awaiting_authorization' }];
}

/** The pauses a clock that pauses for these reasons spends, merged: what its deadline was moved by. */
export function clockPauses(facts: ClockFacts, pausesWhile: readonly PauseReason[]): Pause[] {
  return mergePauses(pausesOf(facts), pausesWhile);
}

function ruleSentence(clock: ClockSpec, anchorLabel: string): string {
  const rule = `${clock.id}: within ${describeTarget(clock.target)} of ${anchorLabel}`;
  return clock.defaulted ? `${rule} (a default: the policy text is silent)` : rule;
}

function measure(calendar: BusinessCalendar, kind: TimeKind, from: number, to: number): number {
  return kind === 'business' ? calendar.businessMillisBetween(from, to) : to - from;
}

function advance(calendar: BusinessCalendar, kind: TimeKind, from: number, amount: number): number {
  return kind === 'business' ? calendar.addBusinessMillis(from, amount).getTime() : from + amount;
}

/** Warnings need no sub-minute precision on long clocks, and a round instant reads better. */
function roundWarningShare(share: number, span: number): number {
  const unit = span >= 3_600_000 ? 60_000 : span >= 60_000 ? 1_000 : 1;
  return Math.round(share / unit) * unit;
}

interface Warning {
  readonly at: number;
  readonly step: string;
}

function warningOf(
  calendar: BusinessCalendar,
  clock: ClockSpec,
  kind: TimeKind,
  start: number,
  due: number,
  useFraction: boolean,
): Warning {
  const zone = calendar.zone;
  const target = clock.warning?.target;
  if (target && !useFraction) {
    const at = addTarget(calendar, start, target).getTime();
    return { at, step: `warning after ${describeTarget(target)} → ${formatLocalWithOffset(at, zone)}` };
  }
  const fraction = (useFraction ? undefined : clock.warning?.fraction) ?? DEFAULT_WARNING_FRACTION;
  const span = measure(calendar, kind, start, due);
  const share = roundWarningShare(span * fraction, span);
  const at = advance(calendar, kind, start, share);
  const measured = kind === 'business' ? 'of business time' : 'elapsed';
  return {
    at,
    step:
      `warning at ${Math.round(fraction * 100)}% of the span (${formatDuration(share)} ${measured} ` +
      `of ${formatDuration(span)}) → ${formatLocalWithOffset(at, zone)}`,
  };
}

function recurrence(clock: ClockSpec): string[] {
  if (clock.restartsOn.length === 0) return [];
  return [`repeats: a new span of ${describeTarget(clock.target)} starts on ${clock.restartsOn.join(', ')}`];
}

/** The deadline, warning and explanation of one clock for one complaint. */
export function planClock(
  calendar: BusinessCalendar,
  clock: ClockSpec,
  facts: ClockFacts,
  calendarText: string,
): PlannedClock {
  const anchor = resolveAnchor(clock.startsAt, facts);
  const common = {
    metric: clock.id,
    anchor: clock.startsAt,
    target: clock.target,
    pausesWhile: clock.pausesWhile,
    stopsOn: clock.stopsOn,
    restartsOn: clock.restartsOn,
    defaulted: clock.defaulted ?? false,
  };
  if (!anchor.started) {
    const steps = [
      ruleSentence(clock, ANCHOR_PHRASES[clock.startsAt]),
      `not started: waits for ${anchor.waitingFor}`,
    ];
    return {
      ...common,
      status: 'pending',
      span: null,
      startedAt: null,
      dueAt: null,
      warnAt: null,
      remainingMs: null,
      expectedDateApplied: false,
      explanation: explanationOf(steps),
      steps,
    };
  }

  const zone = calendar.zone;
  const kind = timeKindOf(clock.target.unit);
  const pauses = clockPauses(facts, clock.pausesWhile);
  const span = currentSpan(calendar, clock, kind, anchor.at, facts.events, pauses);
  const start = span.start;
  const planned = addTarget(calendar, start, clock.target).getTime();
  const steps = [
    ruleSentence(clock, anchor.label),
    ...span.steps,
    explainSpan(calendar, start, clock.target, planned),
    `calendar: ${calendarText}`,
  ];

  // A recurring clock takes no expected date (the schema refuses one), so only a single span moves.
  const expected =
    clock.expectedDate && facts.expectedDate !== undefined
      ? expectedDeadline(calendar, clock, start, facts.expectedDate)
      : undefined;
  const warning = warningOf(calendar, clock, kind, start, expected?.at ?? planned, expected !== undefined);

  let due: PausedInstant;
  let warn: PausedInstant;
  if (expected) {
    steps.push(expected.step);
    due = { paused: false, at: expected.at, notes: [] };
    warn = { paused: false, at: warning.at, notes: [] };
  } else {
    due = applyPauses(calendar, kind, start, planned, pauses);
    warn = applyPauses(calendar, kind, start, warning.at, pauses);
    steps.push(...due.notes);
    if (clock.pausesWhile.length === 0 && facts.pauses.length > 0) steps.push('this clock does not pause');
  }
  steps.push(...recurrence(clock));

  const dueAt = due.paused ? null : due.at;
  let warnAt = warn.paused ? null : warn.at;
  if (warnAt === null) {
    steps.push('warning: unknown until the clock resumes');
  } else if (dueAt !== null && warnAt > dueAt) {
    warnAt = dueAt;
    steps.push(`${warning.step}, after the deadline, so the warning is at the deadline`);
  } else {
    steps.push(warning.step);
    if (warnAt !== warning.at)
      steps.push(`warning moved by the pauses → ${formatLocalWithOffset(warnAt, zone)}`);
  }

  return {
    ...common,
    status: due.paused ? 'paused' : 'running',
    span: span.number,
    startedAt: new Date(start),
    dueAt: dueAt === null ? null : new Date(dueAt),
    warnAt: warnAt === null ? null : new Date(warnAt),
    remainingMs: due.paused ? due.remaining : null,
    expectedDateApplied: expected !== undefined,
    explanation: explanationOf(steps),
    steps,
  };
}
