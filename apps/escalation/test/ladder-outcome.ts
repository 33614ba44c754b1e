import { EscalationDecision } from '../src/ladder/decide-escalation';

/** A decision in words, so a table of cases reads like the policy text. */
export function ladderOutcome(decision: EscalationDecision): string {
  switch (decision.kind) {
    case 'raise':
      return `raise ${decision.fromLevel} → ${decision.to.level} ${decision.to.name}${decision.final ? ' (final)' : ''}`;
    case 'notify':
      return `notify ${decision.level.level} ${decision.level.name}`;
    case 'none':
      return `nothing: ${decision.why}`;
  }
}
