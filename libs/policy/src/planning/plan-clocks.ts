import { BusinessCalendar } from '../calendar/business-calendar';
import { InvalidClockFactsError } from '../policy-errors';
import type { ClockSpec } from '../schema/clock.schema';
import type { PolicyDocument } from '../schema/policy-document.schema';
import { describeCalendar } from '../text/describe-calendar';
import { type ClockFacts, type ClockFactsInput, parseClockFacts } from './clock-facts';
import type { ClockPlan } from './clock-plan';
import { planClock } from './plan-clock';

function matches(clock: ClockSpec, facts: ClockFacts): boolean {
  const { kinds, channels, categories } = clock.appliesTo;
  return (
    (kinds === undefined || kinds.includes(facts.kind)) &&
    (channels === undefined || channels.includes(facts.channel)) &&
    (categories === undefined || (facts.category !== undefined && categories.includes(facts.category)))
  );
}

/** The clocks that apply to a complaint; a clock naming its category wins over a general one with the same id. */
export function applicableClocks(policy: PolicyDocument, facts: ClockFacts): ClockSpec[] {
  const matching = policy.clocks.filter((clock) => matches(clock, facts));
  const specific = new Set(matching.filter((clock) => clock.appliesTo.categories).map((clock) => clock.id));
  return matching.filter((clock) => clock.appliesTo.categories !== undefined || !specific.has(clock.id));
}

/**
 * Every clock of a policy version for a complaint: when it started, when it is due, when it
 * warns, and how each instant was computed. Pure: nothing is stored.
 */
export function planClocks(policy: PolicyDocument, factsInput: ClockFactsInput): ClockPlan {
  return planClocksForFacts(policy, parseClockFacts(factsInput));
}

/** `planClocks` for facts already checked by `parseClockFacts`. */
export function planClocksForFacts(policy: PolicyDocument, facts: ClockFacts): ClockPlan {
  const clocks = applicableClocks(policy, facts);
  if (facts.expectedDate !== undefined && !clocks.some((clock) => clock.expectedDate)) {
    throw new InvalidClockFactsError([
      {
        path: 'expectedDate',
        message: `policy ${policy.id} lets no clock of this complaint move to an expected date`,
      },
    ]);
  }
  const calendar = BusinessCalendar.of(policy.calendar);
  const calendarText = describeCalendar(policy.calendar);
  return {
    policyId: policy.id,
    version: policy.version,
    zone: policy.calendar.zone,
    calendar: calendarText,
    clocks: clocks.map((clock) => planClock(calendar, clock, facts, calendarText)),
  };
}
