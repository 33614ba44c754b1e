import { EscalationSpec } from '@complaints/policy';
import { EscalationTrigger, metricOf } from './escalation-trigger';

export type LadderLevel = EscalationSpec['levels'][number];
type PolicyTrigger = EscalationSpec['triggers'][number];

export type EscalationDecision =
  | { readonly kind: 'raise'; readonly fromLevel: number; readonly to: LadderLevel; readonly final: boolean }
  | { readonly kind: 'notify'; readonly level: LadderLevel }
  | {
      readonly kind: 'none';
      readonly why: 'no_matching_trigger' | 'at_final_level' | 'not_above_current_level';
    };

/**
 * What a policy's ladder says to do when `trigger` happens to a complaint at `currentLevel`.
 * A complaint only ever moves up, and never past the final level: a step that would go
 * beyond it, or to a level it has already reached, does nothing.
 */
export function decideEscalation(
  spec: EscalationSpec,
  currentLevel: number,
  trigger: EscalationTrigger,
): EscalationDecision {
  const rule = matchingRule(spec.triggers, trigger);
  if (!rule) return { kind: 'none', why: 'no_matching_trigger' };
  switch (rule.action) {
    case 'notify_current_level':
      return { kind: 'notify', level: levelAt(spec, currentLevel) };
    case 'escalate_one_level':
      return raiseTo(spec, currentLevel, currentLevel + 1);
    case 'escalate_to_level':
      // The policy schema refuses escalate_to_level without a level; staying put is the safe reading.
      return raiseTo(spec, currentLevel, rule.level ?? currentLevel);
  }
}

/**
 * The rule for this trigger. A rule naming the trigger's clock wins over one for any clock,
 * so imolocale's "breach of escalation_level_3 → level 3" is not shadowed by a general rule;
 * otherwise the first rule in the document applies.
 */
function matchingRule(
  rules: readonly PolicyTrigger[],
  trigger: EscalationTrigger,
): PolicyTrigger | undefined {
  const metric = metricOf(trigger);
  const matching = rules.filter(
    (rule) => rule.on === trigger.on && (rule.clock === undefined || rule.clock === metric),
  );
  return matching.find((rule) => rule.clock !== undefined) ?? matching[0];
}

function raiseTo(spec: EscalationSpec, fromLevel: number, target: number): EscalationDecision {
  const finalLevel = spec.levels.length;
  const toLevel = Math.min(target, finalLevel);
  if (toLevel <= fromLevel) {
    return { kind: 'none', why: fromLevel >= finalLevel ? 'at_final_level' : 'not_above_current_level' };
  }
  return { kind: 'raise', fromLevel, to: levelAt(spec, toLevel), final: toLevel === finalLevel };
}

function levelAt(spec: EscalationSpec, level: number): LadderLevel {
  const found = spec.levels[level - 1];
  // A complaint's level always comes from the same policy version's ladder, so this is a bug.
  if (!found) throw new Error(`level ${level} is not on a ladder of ${spec.levels.length} levels`);
  return found;
}
