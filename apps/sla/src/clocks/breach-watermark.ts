import { ConsumerProgress } from '@complaints/messaging';

/** Until the consumer's progress is known again (NATS unreachable), sla assumes it is behind. */
export type KnownProgress = ConsumerProgress | { readonly state: 'unknown' };

/**
 * `declare`: sla has processed every complaint event stored up to the deadline, so its view of
 * the clock is what happened before it. `declare_unconfirmed`: it still has not, but has waited
 * the longest it may; the withdrawal repairs a breach late events contradict. `defer`: look
 * again at `recheckAt`.
 */
export type BreachVerdict =
  | { readonly kind: 'declare' | 'declare_unconfirmed' }
  | { readonly kind: 'defer'; readonly recheckAt: Date };

/** Re-checks start this soon after the deadline, and double from there up to the cap. */
const FIRST_RECHECK_MS = 1000;
const MAX_RECHECK_MS = 15_000;

/**
 * Whether a breach due at `dueAt` may be declared at `now`: only once the complaint-events
 * consumer has processed every event COMPLAINTS stored up to the deadline (an acknowledgement
 * made in time but not yet processed would otherwise be a false breach). While it has not, the
 * breach waits, re-checked after as long again as it has waited (1 s, 2 s, 4 s… at most 15 s),
 * and never more than `maxDeferMs` after its deadline: a consumer stuck for long does not hold
 * every breach back.
 */
export function decideBreach(dueAt: Date, now: Date, progress: KnownProgress, maxDeferMs: number): BreachVerdict {
  if (progress.state === 'caught_up') return { kind: 'declare' };
  if (progress.state === 'behind' && progress.oldestUnprocessedAt > dueAt) return { kind: 'declare' };
  const giveUpAt = dueAt.getTime() + maxDeferMs;
  if (now.getTime() >= giveUpAt) return { kind: 'declare_unconfirmed' };
  const waited = Math.max(0, now.getTime() - dueAt.getTime());
  const wait = Math.min(MAX_RECHECK_MS, Math.max(FIRST_RECHECK_MS, waited));
  return { kind: 'defer', recheckAt: new Date(Math.min(now.getTime() + wait, giveUpAt)) };
}
