import { InvalidInputError } from '@complaints/domain';

/** Clocks of different machines disagree a little; beyond this, a "past" instant is in the future. */
const CLOCK_SKEW_MS = 60_000;

/**
 * Refuses instants that must already have happened (a back-dated receipt, a first contact, a
 * customer's reply) but lie in the future: they would start clocks that have not begun.
 */
/** How far before its receipt a complaint's first contact may lie: a year, as the longest policy window counts. */
const FIRST_CONTACT_MAX_LEAD_MS = 366 * 24 * 60 * 60 * 1000;

/**
 * Refuses a first contact after the receipt it led to, or so long before it that every clock
 * would start long expired: both would be typing errors, and clocks start from it.
 */
export function assertFirstContactBeforeReceipt(firstContactAt: string | undefined, receivedAt: Date): void {
  if (firstContactAt === undefined) return;
  const lead = receivedAt.getTime() - Date.parse(firstContactAt);
  const message =
    lead < -CLOCK_SKEW_MS ? 'must not be after the complaint was received' : lead > FIRST_CONTACT_MAX_LEAD_MS ? 'must be within a year before the complaint was received' : undefined;
  if (message) throw new InvalidInputError('the first contact does not fit the receipt', [{ field: 'firstContactAt', message }]);
}

export function assertNotInFuture(now: Date, instants: Record<string, string | undefined>): void {
  const problems = Object.entries(instants)
    .filter(([, value]) => value !== undefined && Date.parse(value) > now.getTime() + CLOCK_SKEW_MS)
    .map(([field]) => ({ field, message: 'must not be in the future' }));
  if (problems.length > 0) throw new InvalidInputError('an instant that must have passed is in the future', problems);
}
