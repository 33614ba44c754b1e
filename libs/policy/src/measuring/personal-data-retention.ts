import { DateTime } from 'luxon';
import type { PolicyDocument } from '../schema/policy-document.schema';

type Retention = NonNullable<PolicyDocument['retention']>['minimum'];

/**
 * Kept this long after closure when the policy says nothing: six years, the longest of the
 * limitation periods for contract claims where the seed organisations operate (England and
 * Wales 6, France 5, Vietnam 3), so a complaint's records outlive any claim about it.
 */
export const DEFAULT_PERSONAL_DATA_RETENTION: Retention = { amount: 6, unit: 'years' };

/** How long the policy keeps a closed complaint's personal data, and whether that is the default. */
export function personalDataRetention(policy: PolicyDocument): { retention: Retention; defaulted: boolean } {
  return policy.retention
    ? { retention: policy.retention.minimum, defaulted: false }
    : { retention: DEFAULT_PERSONAL_DATA_RETENTION, defaulted: true };
}

/**
 * When a complaint closed at `closedAt` under `policy` has its personal data erased. Months
 * and years are calendar months and years in the policy's zone (a complaint closed on 29
 * February is kept until 28 February), the shorter units elapsed time.
 */
export function personalDataRetentionEndsAt(policy: PolicyDocument, closedAt: Date): Date {
  const { amount, unit } = personalDataRetention(policy).retention;
  return DateTime.fromJSDate(closedAt, { zone: policy.calendar.zone }).plus({ [unit]: amount }).toJSDate();
}

/**
 * A bound for finding complaints whose retention has ended by `now`: none closed after it
 * has. Calendar months and years do not subtract exactly (29 February), so the bound is a
 * day late and each complaint found is checked with `personalDataRetentionEndsAt`.
 */
export function latestClosureRetentionMayHaveEnded(policy: PolicyDocument, now: Date): Date {
  const { amount, unit } = personalDataRetention(policy).retention;
  return DateTime.fromJSDate(now, { zone: policy.calendar.zone }).minus({ [unit]: amount }).plus({ days: 1 }).toJSDate();
}
