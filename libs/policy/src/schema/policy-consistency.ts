import type { z } from 'zod';
import type { ClockSpec } from './clock.schema';
import type { EscalationSpec } from './escalation.schema';
import type { ClockId } from './policy-vocabulary';

/** The parts of a policy document whose fields refer to each other. */
interface CrossReferenced {
  readonly clocks: readonly ClockSpec[];
  readonly escalation: EscalationSpec;
  readonly closure: readonly { readonly clock: ClockId }[];
  readonly survey?: {
    readonly scale: { readonly min: number; readonly max: number };
    readonly dissatisfiedAtOrBelow: number;
    readonly satisfiedAtOrAbove: number;
  };
  readonly disputes?: { readonly tiers: readonly { readonly tier: number }[] };
  readonly notifications: {
    readonly customer: readonly { readonly type: string; readonly clock?: ClockId; readonly levels?: readonly number[] }[];
  };
}

function overlaps<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): boolean {
  return a === undefined || b === undefined || a.some((item) => b.includes(item));
}

/** Two clocks with one id must never both apply to the same complaint. */
function clocksCollide(a: ClockSpec, b: ClockSpec): boolean {
  const categoriesCollide =
    a.appliesTo.categories === undefined && b.appliesTo.categories === undefined
      ? true
      : a.appliesTo.categories !== undefined &&
        b.appliesTo.categories !== undefined &&
        overlaps(a.appliesTo.categories, b.appliesTo.categories);
  return (
    overlaps(a.appliesTo.kinds, b.appliesTo.kinds) &&
    overlaps(a.appliesTo.channels, b.appliesTo.channels) &&
    categoriesCollide
  );
}

export function checkPolicyConsistency(policy: CrossReferenced, ctx: z.core.$RefinementCtx): void {
  const defined = new Set(policy.clocks.map((clock) => clock.id));

  policy.clocks.forEach((clock, index) => {
    policy.clocks.slice(0, index).forEach((earlier, earlierIndex) => {
      if (earlier.id === clock.id && clocksCollide(earlier, clock)) {
        ctx.addIssue({
          code: 'custom',
          path: ['clocks', index, 'appliesTo'],
          message: `clock ${clock.id} applies to the same complaints as clocks[${earlierIndex}]; make appliesTo disjoint`,
        });
      }
    });
    const warningTarget = clock.warning?.target;
    if (
      warningTarget &&
      warningTarget.unit === clock.target.unit &&
      warningTarget.amount >= clock.target.amount
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['clocks', index, 'warning', 'target', 'amount'],
        message: `the warning must come before the deadline (${clock.target.amount} ${clock.target.unit})`,
      });
    }
    if (clock.restartsOn.length > 0 && clock.expectedDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['clocks', index, 'expectedDate'],
        message: 'a recurring clock (restartsOn) has a deadline per span, so it cannot move to one expected date',
      });
    }
    const both = clock.restartsOn.filter((event) => clock.stopsOn.includes(event));
    if (both.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['clocks', index, 'restartsOn'],
        message: `${both.join(', ')} cannot both stop and restart the clock`,
      });
    }
    const max = clock.expectedDate?.max;
    if (max && max.unit === clock.target.unit && max.amount < clock.target.amount) {
      ctx.addIssue({
        code: 'custom',
        path: ['clocks', index, 'expectedDate', 'max', 'amount'],
        message: `the latest expected date cannot be before the clock's own target`,
      });
    }
  });

  policy.escalation.triggers.forEach((trigger, index) => {
    if (trigger.clock !== undefined && !defined.has(trigger.clock)) {
      ctx.addIssue({
        code: 'custom',
        path: ['escalation', 'triggers', index, 'clock'],
        message: `no clock ${trigger.clock} in this policy`,
      });
    }
  });
  policy.closure.forEach((rule, index) => {
    if (!defined.has(rule.clock)) {
      ctx.addIssue({
        code: 'custom',
        path: ['closure', index, 'clock'],
        message: `no clock ${rule.clock} in this policy`,
      });
    }
  });

  if (policy.survey) {
    const { scale, dissatisfiedAtOrBelow, satisfiedAtOrAbove } = policy.survey;
    if (scale.min >= scale.max) {
      ctx.addIssue({ code: 'custom', path: ['survey', 'scale', 'max'], message: 'must be greater than min' });
    } else if (dissatisfiedAtOrBelow < scale.min || dissatisfiedAtOrBelow >= scale.max) {
      ctx.addIssue({
        code: 'custom',
        path: ['survey', 'dissatisfiedAtOrBelow'],
        message: `must be a score from ${scale.min} to ${scale.max - 1}`,
      });
    } else if (satisfiedAtOrAbove <= dissatisfiedAtOrBelow || satisfiedAtOrAbove > scale.max) {
      ctx.addIssue({
        code: 'custom',
        path: ['survey', 'satisfiedAtOrAbove'],
        message: `must be a score above dissatisfiedAtOrBelow (${dissatisfiedAtOrBelow}) and at most ${scale.max}`,
      });
    }
  }
  policy.notifications.customer.forEach((rule, index) => {
    if (rule.type === 'progress_update') {
      const clock = policy.clocks.find((candidate) => candidate.id === (rule.clock ?? 'regular_update'));
      if (!clock || clock.restartsOn.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['notifications', 'customer', index, 'clock'],
          message: `progress_update needs a recurring clock (one with restartsOn) named ${rule.clock ?? 'regular_update'} in this policy`,
        });
      }
    }
    const missingLevel = rule.levels?.find((level) => level > policy.escalation.levels.length);
    if (missingLevel !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['notifications', 'customer', index, 'levels'],
        message: `no escalation level ${missingLevel} in this policy`,
      });
    }
  });
  policy.disputes?.tiers.forEach((tier, index) => {
    if (tier.tier !== index + 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['disputes', 'tiers', index, 'tier'],
        message: `tiers must be numbered 1, 2, 3… in order; expected ${index + 1}`,
      });
    }
  });
}
