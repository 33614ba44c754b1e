import { PolicyDocument } from '@complaints/policy';

export type DisputeTier = NonNullable<PolicyDocument['disputes']>['tiers'][number];

/** A tier change as intake records it: tiers by the names the policy gives them. */
export interface DisputeTierChange {
  /** The id of the `complaint.dispute-tier-changed` event; it orders the changes (see `outcomeOf`). */
  readonly eventId: string;
  readonly fromTier: string | null;
  readonly toTier: string;
}

/**
 * - `move`: the newest change the complaint has had; it sets the tier and is announced.
 * - `overtaken`: a newer change has already set the tier (this one was delivered late, after
 *   a retry); it only joins the history, where it sits in its own place.
 * - `already_applied`: this change set the current tier already; there is nothing left to do.
 */
export type DisputeTierOutcome = 'move' | 'overtaken' | 'already_applied';

export interface DisputeTierDecision {
  readonly from: DisputeTier | null;
  readonly to: DisputeTier;
  /** `to` is the policy's last tier: the dispute can go no further. */
  readonly final: boolean;
  readonly outcome: DisputeTierOutcome;
}

/**
 * What one tier change does to a complaint's dispute track, given the policy's tiers and the
 * change that set the complaint's current tier (null before its first change). Intake has
 * already decided the change is allowed; a tier the policy does not name is a producer's bug.
 */
export function decideDisputeTier(
  tiers: readonly DisputeTier[],
  currentChangeId: string | null,
  change: DisputeTierChange,
): DisputeTierDecision {
  const to = tierNamed(tiers, change.toTier);
  return {
    from: change.fromTier === null ? null : tierNamed(tiers, change.fromTier),
    to,
    final: tiers.every((tier) => tier.tier <= to.tier),
    outcome: outcomeOf(currentChangeId, change.eventId),
  };
}

/**
 * Intake changes a tier while it holds the complaint's row lock, and creates the change's
 * event there, so the events' UUIDv7 ids order one complaint's changes as intake committed
 * them. `occurredAt` would not: it is when the gateway took the request, and two racing
 * requests can commit the other way round. Every change names its whole target tier, so the
 * newest one seen is the complaint's tier, whatever order redeliveries bring them in.
 */
function outcomeOf(currentChangeId: string | null, changeId: string): DisputeTierOutcome {
  if (currentChangeId === null) return 'move';
  // Lowercase hex compares like the UUIDs' bytes, timestamp first.
  const [change, current] = [changeId.toLowerCase(), currentChangeId.toLowerCase()];
  if (change === current) return 'already_applied';
  return change > current ? 'move' : 'overtaken';
}

function tierNamed(tiers: readonly DisputeTier[], name: string): DisputeTier {
  const found = tiers.find((tier) => tier.name === name);
  if (!found) {
    const known = tiers.length === 0 ? 'it has none' : tiers.map((tier) => tier.name).join(', ');
    throw new Error(`dispute tier "${name}" is not one of the policy's tiers (${known})`);
  }
  return found;
}
