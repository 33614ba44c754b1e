import { EscalationSpec } from '@complaints/policy';
import { ladderOutcome } from '../../test/ladder-outcome';
import { decideEscalation } from './decide-escalation';

const levels = [1, 2, 3, 4].map((level) => ({ level, name: `L${level}`, notifies: [`role_${level}`] }));

function ladder(triggers: EscalationSpec['triggers']): EscalationSpec {
  return { levels, triggers };
}

describe(`${decideEscalation.name}, whatever the policy`, () => {
  it('prefers a rule naming the clock over a rule for any clock, wherever it stands', () => {
    const spec = ladder([
      { on: 'clock_breach', action: 'escalate_one_level' },
      { on: 'clock_breach', clock: 'resolution', action: 'escalate_to_level', level: 4 },
    ]);
    expect(ladderOutcome(decideEscalation(spec, 1, { on: 'clock_breach', metric: 'resolution' }))).toBe(
      'raise 1 → 4 L4 (final)',
    );
    expect(ladderOutcome(decideEscalation(spec, 1, { on: 'clock_breach', metric: 'first_reply' }))).toBe(
      'raise 1 → 2 L2',
    );
  });

  it('takes the first of several rules for any clock', () => {
    const spec = ladder([
      { on: 'clock_warning', action: 'notify_current_level' },
      { on: 'clock_warning', action: 'escalate_one_level' },
    ]);
    expect(ladderOutcome(decideEscalation(spec, 2, { on: 'clock_warning', metric: 'resolution' }))).toBe(
      'notify 2 L2',
    );
  });

  it('never moves a complaint down or sideways with escalate_to_level', () => {
    const spec = ladder([{ on: 'manual', action: 'escalate_to_level', level: 2 }]);
    expect(ladderOutcome(decideEscalation(spec, 1, { on: 'manual' }))).toBe('raise 1 → 2 L2');
    expect(ladderOutcome(decideEscalation(spec, 2, { on: 'manual' }))).toBe(
      'nothing: not_above_current_level',
    );
    expect(ladderOutcome(decideEscalation(spec, 3, { on: 'manual' }))).toBe(
      'nothing: not_above_current_level',
    );
  });

  it('matches a rule naming a clock only for that clock', () => {
    const spec = ladder([{ on: 'clock_breach', clock: 'findings', action: 'escalate_one_level' }]);
    expect(ladderOutcome(decideEscalation(spec, 1, { on: 'clock_breach', metric: 'resolution' }))).toBe(
      'nothing: no_matching_trigger',
    );
    expect(ladderOutcome(decideEscalation(spec, 1, { on: 'clock_warning', metric: 'findings' }))).toBe(
      'nothing: no_matching_trigger',
    );
  });
});
