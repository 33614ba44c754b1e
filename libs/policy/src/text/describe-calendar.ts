import type { CalendarSpec } from '../schema/calendar.schema';
import { WEEKDAYS } from '../schema/policy-vocabulary';

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** "Mon–Fri 09:00–17:00; Sat 09:00–12:00": runs of days with the same hours. */
export function describeWeeklyOpening(spec: CalendarSpec): string {
  const hoursByDay = WEEKDAYS.map((day) =>
    spec.opening
      .filter((entry) => entry.days.includes(day))
      .map((entry) => `${entry.from}–${entry.to}`)
      .sort()
      .join(', '),
  );
  const runs: string[] = [];
  let runStart = 0;
  for (let day = 1; day <= WEEKDAYS.length; day++) {
    if (day < WEEKDAYS.length && hoursByDay[day] === hoursByDay[runStart]) continue;
    const hours = hoursByDay[runStart];
    if (hours) {
      const days =
        day - 1 === runStart ? DAY_NAMES[runStart] : `${DAY_NAMES[runStart]}–${DAY_NAMES[day - 1]}`;
      runs.push(`${days} ${hours}`);
    }
    runStart = day;
  }
  return runs.length > 0 ? runs.join('; ') : 'no weekly opening';
}

const described = new WeakMap<CalendarSpec, string>();

/** One line naming the zone, the weekly hours and where holidays come from. */
export function describeCalendar(spec: CalendarSpec): string {
  const known = described.get(spec);
  if (known !== undefined) return known;
  const text = composeDescription(spec);
  described.set(spec, text);
  return text;
}

function composeDescription(spec: CalendarSpec): string {
  const parts = [spec.zone, describeWeeklyOpening(spec)];
  parts.push(spec.holidays.region ? `public holidays ${spec.holidays.region}` : 'no public holidays');
  const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;
  if (spec.holidays.add.length > 0) parts.push(count(spec.holidays.add.length, 'added holiday date'));
  if (spec.holidays.remove.length > 0) parts.push(count(spec.holidays.remove.length, 'removed holiday date'));
  if (spec.extraWorkingDays.length > 0) parts.push(count(spec.extraWorkingDays.length, 'extra working day'));
  return parts.join(', ');
}
