import {
  EscalationDisputeTierChangedV1,
  EscalationLevelNotifiedV1,
  EscalationLevelRaisedV1,
  EscalationSanctionRecommendedV1,
} from './escalation.v1';

const facts = { policyId: 'imolocale', policyVersion: 1 } as const;

describe('escalation events v1', () => {
  it('say which step a complaint took on its ladder, and why', () => {
    const raised = {
      ...facts,
      fromLevel: 1,
      toLevel: 3,
      levelName: 'Customer-experience team',
      notifies: ['customer_experience_team'],
      trigger: 'clock_breach',
      metric: 'escalation_level_3',
      final: true,
    };
    expect(EscalationLevelRaisedV1.data.safeParse(raised).success).toBe(true);
    expect(
      EscalationLevelRaisedV1.data.safeParse({ ...raised, trigger: 'manual', metric: null }).success,
    ).toBe(true);
    expect(EscalationLevelRaisedV1.data.safeParse({ ...raised, trigger: 'because' }).success).toBe(false);
    expect(EscalationLevelRaisedV1.data.safeParse({ ...raised, toLevel: 0 }).success).toBe(false);
  });

  it('name the roles a notification goes to, never nobody', () => {
    const notified = {
      ...facts,
      level: 1,
      levelName: 'Customer service team',
      notifies: ['customer_service_team'],
      trigger: 'clock_warning',
      metric: 'findings',
    };
    expect(EscalationLevelNotifiedV1.data.safeParse(notified).success).toBe(true);
    expect(EscalationLevelNotifiedV1.data.safeParse({ ...notified, notifies: [] }).success).toBe(false);
  });

  it('recommend only the sanctions a policy can name', () => {
    const recommended = { ...facts, sellerId: 'seller-17', sanctions: ['restriction', 'termination'] };
    expect(EscalationSanctionRecommendedV1.data.safeParse(recommended).success).toBe(true);
    expect(
      EscalationSanctionRecommendedV1.data.safeParse({ ...recommended, sanctions: ['a stern letter'] })
        .success,
    ).toBe(false);
  });

  it('say who moved a dispute to which tier, but never why', () => {
    const changed = {
      policyId: 'mit',
      policyVersion: 1,
      fromTier: 1,
      toTier: 2,
      tierName: 'Mediation by an intermediary organisation',
      final: false,
      changedBy: { kind: 'client', id: 'agent-key' },
    };
    expect(EscalationDisputeTierChangedV1.data.safeParse(changed).success).toBe(true);
    expect(EscalationDisputeTierChangedV1.data.safeParse({ ...changed, fromTier: null }).success).toBe(true);
    expect(EscalationDisputeTierChangedV1.data.safeParse({ ...changed, toTier: 0 }).success).toBe(false);
    expect(
      EscalationDisputeTierChangedV1.data.safeParse({ ...changed, reason: 'the customer asked' }).success,
    ).toBe(false);
  });
});
