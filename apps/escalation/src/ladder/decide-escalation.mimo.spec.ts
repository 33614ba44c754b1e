import { builtInPolicy } from '@complaints/policy';
import { ladderOutcome } from '../../test/ladder-outcome';
import { decideEscalation } from './decide-escalation';
import { EscalationTrigger } from './escalation-trigger';

describe(`${decideEscalation.name} with Mimo's four-level ladder`, () => {
  const { escalation } = builtInPolicy('mimo');
  const breach: EscalationTrigger = { on: 'clock_breach', metric: 'resolution' };
  const warning: EscalationTrigger = { on: 'clock_warning', metric: 'acknowledgement' };
  const manual: EscalationTrigger = { on: 'manual' };
  const dissatisfied: EscalationTrigger = { on: 'survey_dissatisfied' };

  it.each([
    [1, breach, 'raise 1 → 2 Customer Care Supervisor'],
    [2, breach, 'raise 2 → 3 Customer Care Manager'],
    [3, breach, 'raise 3 → 4 Senior Management Team (final)'],
    [4, breach, 'nothing: at_final_level'],
    [1, warning, 'notify 1 Customer Care Representative'],
    [3, warning, 'notify 3 Customer Care Manager'],
    [4, warning, 'notify 4 Senior Management Team'],
    [1, manual, 'raise 1 → 2 Customer Care Supervisor'],
    [4, manual, 'nothing: at_final_level'],
    [2, dissatisfied, 'raise 2 → 3 Customer Care Manager'],
    [4, dissatisfied, 'nothing: at_final_level'],
  ] as const)('at level %i, %j → %s', (level, trigger, expected) => {
    expect(ladderOutcome(decideEscalation(escalation, level, trigger))).toBe(expected);
  });

  it('escalates on a breach of any clock, since its breach trigger names none', () => {
    for (const metric of ['acknowledgement', 'first_reply', 'resolution', 'survey_window']) {
      expect(decideEscalation(escalation, 1, { on: 'clock_breach', metric }).kind).toBe('raise');
    }
  });
});
