import { InvalidInputError } from '@complaints/domain';

/** Clocks of different machines disagree a little; beyond this, a "past" instant is in the future. */
const CLOCK_SKEW_MS = 60_000;

/**
 * Refuses instants that must already have happened (a back-dated receipt, a first contact, a
 * customer's reply) but lie in the future: they would start clocks that have not begun.
 */
export function assertNotInFuture(now: Date, instants: Record<string, string | undefined>): void {
  const problems = Object.entries(instants)
    .filter(([, value]) => value !== undefined && Date.parse(value) > now.getTime() + CLOCK_SKEW_MS)
    .map(([field]) => ({ field, message: 'must not be in the future' }));
  if (problems.length > 0) throw new InvalidInputError('an instant that must have passed is in the future', problems);
}
