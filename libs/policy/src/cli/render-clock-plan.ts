import type { ClockFacts } from '../planning/clock-facts';
import type { ClockPlan } from '../planning/clock-plan';
import { formatLocalWithOffset } from '../text/time-text';

/** The plan as text for a terminal: one block per clock, its steps indented below. */
export function renderClockPlan(plan: ClockPlan, facts: ClockFacts): string {
  const zone = plan.zone;
  const at = (date: Date | null): string =>
    date === null ? '—' : formatLocalWithOffset(date.getTime(), zone);
  const width = Math.max(...plan.clocks.map((clock) => clock.metric.length), 6);
  const lines = [
    `${plan.policyId} v${plan.version} · ${plan.calendar}`,
    `${facts.kind} via ${facts.channel} received ${formatLocalWithOffset(facts.receivedAt, zone)}`,
    '',
  ];
  if (plan.clocks.length === 0) lines.push('no clock of this policy applies to this complaint');
  for (const clock of plan.clocks) {
    const status = clock.status === 'running' ? '' : `  [${clock.status}]`;
    lines.push(`${clock.metric.padEnd(width)}  due ${at(clock.dueAt)}  warn ${at(clock.warnAt)}${status}`);
    for (const step of clock.steps) lines.push(`${' '.repeat(width + 2)}${step}`);
  }
  return `${lines.join('\n')}\n`;
}
