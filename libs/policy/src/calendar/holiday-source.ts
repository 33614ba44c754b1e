import Holidays from 'date-holidays';
import { addDaysToIsoDate } from './civil-date';

/** A holiday region code as written in a policy: `FR`, `VN`, `GB-ENG`, `US-CA`, `DE-BY-A`. */
export interface HolidayRegion {
  readonly country: string;
  readonly state?: string;
  readonly region?: string;
}

export function parseHolidayRegion(code: string): HolidayRegion {
  const [country = '', state, region] = code.split('-');
  return { country, state, region };
}

let catalogue: Holidays | undefined;
function holidayCatalogue(): Holidays {
  catalogue ??= new Holidays();
  return catalogue;
}

/**
 * Why a region code is not one the holiday library knows, or undefined when it is. The
 * library silently returns no holidays for unknown codes, so this check is what keeps a
 * typo from turning every holiday into a working day.
 */
export function holidayRegionProblem(code: string): string | undefined {
  const parts = code.split('-');
  const { country, state, region } = parseHolidayRegion(code);
  if (parts.length > 3 || parts.some((part) => part === '')) {
    return `"${code}" is not a region code such as FR, VN, GB-ENG or US-CA`;
  }
  const lib = holidayCatalogue();
  if (!(country in lib.getCountries())) return `unknown holiday country "${country}"`;
  if (state === undefined) return undefined;
  if (!(state in (lib.getStates(country) ?? {}))) return `unknown holiday state "${state}" of ${country}`;
  if (region === undefined) return undefined;
  if (!(region in (lib.getRegions(country, state) ?? {}))) {
    return `unknown holiday region "${region}" of ${country}-${state}`;
  }
  return undefined;
}

const regionLibraries = new Map<string, Holidays>();
const yearCache = new Map<string, ReadonlyMap<string, string>>();

/**
 * The public holidays of a region in one year as local ISO dates → name. Only the `public`
 * type counts (POLICIES.md); a holiday the library gives as several days (Tết) is expanded
 * to each of its dates. Cached per region and year because the library is slow to query.
 */
export function publicHolidays(code: string, year: number): ReadonlyMap<string, string> {
  const key = `${code}:${year}`;
  const cached = yearCache.get(key);
  if (cached) return cached;
  let lib = regionLibraries.get(code);
  if (!lib) {
    const { country, state, region } = parseHolidayRegion(code);
    lib = new Holidays(country, state ?? '', region ?? '', { types: ['public'] });
    regionLibraries.set(code, lib);
  }
  const days = new Map<string, string>();
  for (const holiday of lib.getHolidays(year)) {
    if (holiday.type !== 'public') continue;
    const first = holiday.date.slice(0, 10);
    const length = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / 86_400_000));
    for (let offset = 0; offset < length; offset++) {
      const date = addDaysToIsoDate(first, offset);
      if (!days.has(date)) days.set(date, holiday.name);
    }
  }
  yearCache.set(key, days);
  return days;
}
