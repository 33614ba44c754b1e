import { builtInPolicy } from '@complaints/policy';
import { ladderOutcome } from '../../test/ladder-outcome';
import { decideEscalation } from './decide-escalation';

describe(`${decideEscalation.name} with the one-level ladders of MiT and Modmount`, () => {
  it.each([
    ['mit', 'Customer care department'],
    ['modmount', 'Complaints team'],
  ] as const)('%s tells its one team of warnings and breaches and never escalates', (policyId, team) => {
    const { escalation } = builtInPolicy(policyId);
    expect(
      ladderOutcome(decideEscalation(escalation, 1, { on: 'clock_warning', metric: 'resolution' })),
    ).toBe(`notify 1 ${team}`);
    expect(
      ladderOutcome(decideEscalation(escalation, 1, { on: 'clock_breach', metric: 'acknowledgement' })),
    ).toBe(`notify 1 ${team}`);
    expect(ladderOutcome(decideEscalation(escalation, 1, { on: 'manual' }))).toBe(
      'nothing: no_matching_trigger',
    );
  });
});
