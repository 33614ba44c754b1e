import { builtInPolicy } from '@complaints/policy';
import { ladderOutcome } from '../../test/ladder-outcome';
import { decideEscalation } from './decide-escalation';
import { EscalationTrigger } from './escalation-trigger';

describe(`${decideEscalation.name} with imolocale's timed ladder`, () => {
  const { escalation } = builtInPolicy('imolocale');
  const breachOf = (metric: string): EscalationTrigger => ({ on: 'clock_breach', metric });

  it.each([
    [1, breachOf('escalation_level_2'), 'raise 1 → 2 Problem-resolution team'],
    [1, breachOf('escalation_level_3'), 'raise 1 → 3 Customer-experience team (final)'],
    [2, breachOf('escalation_level_3'), 'raise 2 → 3 Customer-experience team (final)'],
    // Escalated by hand before the 24 h were up: the 24 h breach must not move it back down.
    [3, breachOf('escalation_level_2'), 'nothing: at_final_level'],
    [2, breachOf('escalation_level_2'), 'nothing: not_above_current_level'],
    // Only the two escalation clocks move the ladder; other breaches are for notifications.
    [1, breachOf('resolution'), 'nothing: no_matching_trigger'],
    [1, breachOf('findings'), 'nothing: no_matching_trigger'],
    [2, { on: 'clock_warning', metric: 'findings' }, 'notify 2 Problem-resolution team'],
    [1, { on: 'manual' }, 'raise 1 → 2 Problem-resolution team'],
    [2, { on: 'manual' }, 'raise 2 → 3 Customer-experience team (final)'],
    [3, { on: 'manual' }, 'nothing: at_final_level'],
    // imolocale sends a survey but names no escalation for a dissatisfied answer.
    [1, { on: 'survey_dissatisfied' }, 'nothing: no_matching_trigger'],
  ] as const)('at level %i, %j → %s', (level, trigger, expected) => {
    expect(ladderOutcome(decideEscalation(escalation, level, trigger))).toBe(expected);
  });
});
