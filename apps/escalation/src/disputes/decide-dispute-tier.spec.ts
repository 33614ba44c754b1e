import { builtInPolicy } from '@complaints/policy';
import { DisputeTierDecision, decideDisputeTier } from './decide-dispute-tier';

const tiers = builtInPolicy('mit').disputes?.tiers ?? [];
const [DIRECT, MEDIATION, LEGAL] = tiers.map((tier) => tier.name);

/** UUIDv7 ids of three changes intake made one after the other. */
const FIRST = '019c8a10-0000-7000-8000-000000000001';
const SECOND = '019c8a10-0001-7000-8000-000000000002';
const THIRD = '019c8a11-0000-7000-8000-000000000003';

/** A decision in words, so a table of cases reads like MiT's policy. */
function inWords({ from, to, final, outcome }: DisputeTierDecision): string {
  return `${outcome} ${from?.tier ?? 'none'} → ${to.tier} ${to.name}${final ? ' (final)' : ''}`;
}

describe(`${decideDisputeTier.name} with MiT's three tiers`, () => {
  it.each([
    [null, DIRECT, 'move none → 1 Direct agreement'],
    [DIRECT, MEDIATION, 'move 1 → 2 Mediation by an intermediary organisation'],
    [MEDIATION, LEGAL, 'move 2 → 3 Legal proceedings (final)'],
    // Intake lets an agent go back, say when legal proceedings are dropped for mediation.
    [LEGAL, MEDIATION, 'move 3 → 2 Mediation by an intermediary organisation'],
    [null, LEGAL, 'move none → 3 Legal proceedings (final)'],
  ] as const)('%s → %s on a complaint at its first change: %s', (fromTier, toTier, expected) => {
    expect(inWords(decideDisputeTier(tiers, null, { eventId: FIRST, fromTier, toTier }))).toBe(expected);
  });

  it('moves on a change newer than the one that set the current tier', () => {
    const change = { eventId: THIRD, fromTier: MEDIATION, toTier: LEGAL };
    expect(inWords(decideDisputeTier(tiers, SECOND, change))).toBe('move 2 → 3 Legal proceedings (final)');
  });

  it('keeps the tier a newer change set when an older change is retried after it', () => {
    const retried = { eventId: FIRST, fromTier: null, toTier: DIRECT };
    expect(inWords(decideDisputeTier(tiers, SECOND, retried))).toBe('overtaken none → 1 Direct agreement');
  });

  it('does nothing more for the change that set the current tier', () => {
    const replayed = { eventId: SECOND, fromTier: DIRECT, toTier: MEDIATION };
    expect(decideDisputeTier(tiers, SECOND, replayed).outcome).toBe('already_applied');
    expect(decideDisputeTier(tiers, SECOND.toUpperCase(), replayed).outcome).toBe('already_applied');
  });

  it('orders changes by their ids whatever the letter case', () => {
    const change = { eventId: THIRD.toUpperCase(), fromTier: MEDIATION, toTier: LEGAL };
    expect(decideDisputeTier(tiers, SECOND, change).outcome).toBe('move');
  });
});

describe(`${decideDisputeTier.name}, whatever the policy`, () => {
  it('refuses a tier the policy does not name: intake checked it, so this is a bug', () => {
    expect(() =>
      decideDisputeTier(tiers, null, { eventId: FIRST, fromTier: null, toTier: 'Arbitration' }),
    ).toThrow(
      'dispute tier "Arbitration" is not one of the policy\'s tiers (Direct agreement, Mediation by an intermediary organisation, Legal proceedings)',
    );
    expect(() =>
      decideDisputeTier(tiers, null, { eventId: FIRST, fromTier: 'Arbitration', toTier: DIRECT }),
    ).toThrow('dispute tier "Arbitration"');
  });

  it('refuses any tier under a policy without dispute tiers', () => {
    expect(() => decideDisputeTier([], null, { eventId: FIRST, fromTier: null, toTier: DIRECT })).toThrow(
      '(it has none)',
    );
  });

  it('calls the last of two tiers final', () => {
    const twoTiers = builtInPolicy('fca-disp').disputes?.tiers ?? [];
    const decision = decideDisputeTier(twoTiers, null, {
      eventId: FIRST,
      fromTier: 'Final response from the firm',
      toTier: 'Financial Ombudsman Service',
    });
    expect(inWords(decision)).toBe('move 1 → 2 Financial Ombudsman Service (final)');
  });
});
