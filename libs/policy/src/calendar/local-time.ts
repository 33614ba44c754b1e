import { DateTime } from 'luxon';
import { addDaysToIsoDate } from './civil-date';

export interface LocalInstant {
  readonly millis: number;
  /** The local time does not exist that day (spring-forward gap). */
  readonly inGap: boolean;
}

/**
 * The instant of a local wall-clock time on a local date, per POLICIES.md: a time inside a
 * spring-forward gap moves forward by the length of the gap (as luxon does); an ambiguous
 * time (fall back) means its first occurrence (luxon would pick the second). `24:00` is the
 * start of the next day.
 */
export function localTimeToInstant(zone: string, date: string, minuteOfDay: number): LocalInstant {
  if (minuteOfDay === 24 * 60) return localTimeToInstant(zone, addDaysToIsoDate(date, 1), 0);
  const hour = Math.floor(minuteOfDay / 60);
  const minute = minuteOfDay % 60;
  const local = DateTime.fromObject(
    {
      year: Number(date.slice(0, 4)),
      month: Number(date.slice(5, 7)),
      day: Number(date.slice(8, 10)),
      hour,
      minute,
    },
    { zone },
  );
  if (local.hour !== hour || local.minute !== minute) return { millis: local.toMillis(), inGap: true };
  return { millis: firstOccurrence(local), inGap: false };
}

/** The earliest instant showing the same local wall-clock time as `local`. */
export function firstOccurrence(local: DateTime): number {
  let earliest = local.toMillis();
  for (const candidate of local.getPossibleOffsets()) earliest = Math.min(earliest, candidate.toMillis());
  return earliest;
}

/** `HH:mm` (00:00 … 24:00) → minutes since local midnight. */
export function parseTimeOfDay(text: string): number {
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
}
