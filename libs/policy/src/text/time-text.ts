import { DateTime } from 'luxon';
import { isoDateToEpochDay, isoWeekdayOfEpochDay } from '../calendar/civil-date';
import type { ClockTarget } from '../schema/clock.schema';
import type { TargetUnit } from '../schema/policy-vocabulary';

const UNIT_WORDS: Record<TargetUnit, readonly [singular: string, plural: string]> = {
  business_minutes: ['business minute', 'business minutes'],
  business_hours: ['business hour', 'business hours'],
  business_days: ['business day', 'business days'],
  seconds: ['second', 'seconds'],
  minutes: ['minute', 'minutes'],
  hours: ['hour', 'hours'],
  days: ['day', 'days'],
  weeks: ['week', 'weeks'],
  months: ['month', 'months'],
};

const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/** "2 business hours", "1 business day", "24 hours". */
export function describeTarget(target: ClockTarget): string {
  const [singular, plural] = UNIT_WORDS[target.unit];
  return `${target.amount} ${target.amount === 1 ? singular : plural}`;
}

/** "1 h 30 min", "30 min", "45 s", "0 min". */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.round(Math.abs(ms) / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const parts = [
    hours > 0 ? `${hours} h` : '',
    minutes > 0 ? `${minutes} min` : '',
    seconds > 0 ? `${seconds} s` : '',
  ];
  const text = parts.filter(Boolean).join(' ') || '0 min';
  return ms < 0 ? `-${text}` : text;
}

/** "Fri 2 Jan" for a local ISO date: plain calendar arithmetic, no zone involved. */
export function formatDay(date: string): string {
  const weekday = WEEKDAY_NAMES[isoWeekdayOfEpochDay(isoDateToEpochDay(date)) - 1];
  return `${weekday} ${Number(date.slice(8, 10))} ${MONTH_NAMES[Number(date.slice(5, 7)) - 1]}`;
}

interface LocalText {
  readonly date: string;
  readonly time: string;
  readonly offset: string;
}

const localTextCache = new Map<string, LocalText>();
const LOCAL_TEXT_CACHE_SIZE = 20_000;

/**
 * The local date, time and offset of an instant, from one luxon conversion. Explanations
 * name the same opening and closing instants over and over, so results are memoised.
 */
function localText(ms: number, zone: string): LocalText {
  const key = `${zone}|${ms}`;
  const cached = localTextCache.get(key);
  if (cached) return cached;
  const local = DateTime.fromMillis(ms, { zone });
  const pad = (value: number): string => String(value).padStart(2, '0');
  const seconds = local.second !== 0 || local.millisecond !== 0 ? `:${pad(local.second)}` : '';
  const offsetMinutes = Math.abs(local.offset);
  const text: LocalText = {
    date: `${WEEKDAY_NAMES[local.weekday - 1]} ${local.day} ${MONTH_NAMES[local.month - 1]} ${local.year}`,
    time: `${pad(local.hour)}:${pad(local.minute)}${seconds}`,
    offset: `${local.offset < 0 ? '-' : '+'}${pad(Math.floor(offsetMinutes / 60))}:${pad(offsetMinutes % 60)}`,
  };
  if (localTextCache.size >= LOCAL_TEXT_CACHE_SIZE) localTextCache.clear();
  localTextCache.set(key, text);
  return text;
}

/** "16:30", or "16:30:05" when seconds matter. */
export function formatClockTime(ms: number, zone: string): string {
  return localText(ms, zone).time;
}

/** "Fri 2 Jan 2026 16:30". */
export function formatLocal(ms: number, zone: string): string {
  const text = localText(ms, zone);
  return `${text.date} ${text.time}`;
}

/** "Fri 2 Jan 2026 16:30 (+01:00)": the offset tells DST apart. */
export function formatLocalWithOffset(ms: number, zone: string): string {
  const text = localText(ms, zone);
  return `${text.date} ${text.time} (${text.offset})`;
}

/** The UTC offset in force at an instant, e.g. `+01:00`. */
export function formatOffset(ms: number, zone: string): string {
  return localText(ms, zone).offset;
}

/** ISO 8601 with the zone's offset, e.g. `2026-01-05T10:30:00.000+01:00`. */
export function toZonedIso(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISO() as string;
}
