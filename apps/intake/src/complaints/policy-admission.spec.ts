import { CreateComplaintBody } from '@complaints/contracts';
import { InvalidInputError } from '@complaints/domain';
import { builtInPolicy } from '@complaints/policy';
import { admitToPolicy, resolveDisputeTier } from './policy-admission';

const body = (overrides: Partial<CreateComplaintBody> = {}): CreateComplaintBody => ({
  policyId: 'modmount',
  kind: 'complaint',
  channel: 'email',
  customer: { name: 'Ada', email: 'ada@example.org' },
  subject: 'Subject',
  description: 'Description',
  ...overrides,
});

function fieldsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInputError) return error.fieldErrors.map((e) => e.field);
    throw error;
  }
  return [];
}

describe(admitToPolicy.name, () => {
  it('admits a complaint the policy takes, as received', () => {
    expect(admitToPolicy(builtInPolicy('modmount'), body())).toEqual({ status: 'received' });
  });

  it('makes a third party wait for the written authorisation where the policy asks for it', () => {
    const thirdParty = { name: 'Grace', relationship: 'daughter' };
    expect(admitToPolicy(builtInPolicy('modmount'), body({ thirdParty }))).toEqual({ status: 'awaiting_authorization' });
  });

  it('names every field the policy cannot take', () => {
    const imolocale = builtInPolicy('imolocale');
    expect(fieldsOf(() => admitToPolicy(imolocale, body({ policyId: 'imolocale', kind: 'inquiry', channel: 'chat' })))).toEqual([
      'kind',
      'channel',
    ]);
    expect(fieldsOf(() => admitToPolicy(builtInPolicy('mimo'), body({ policyId: 'mimo', seller: { id: 's1', name: 'Shop' } })))).toEqual([
      'seller',
    ]);
  });
});

describe(resolveDisputeTier.name, () => {
  it('accepts a tier by number or by name, whatever the case, and lists the policy tiers', () => {
    const mit = builtInPolicy('mit');
    expect(resolveDisputeTier(mit, '2').tier).toBe('Mediation by an intermediary organisation');
    expect(resolveDisputeTier(mit, 'legal proceedings').tier).toBe('Legal proceedings');
    expect(resolveDisputeTier(mit, 'arbitration')).toEqual({
      tier: 'arbitration',
      allowedTiers: ['Direct agreement', 'Mediation by an intermediary organisation', 'Legal proceedings'],
    });
  });
});
