import { InvalidInputError } from '@complaints/domain';
import { PolicyRegistry, PolicyValidationError, builtInPolicies, builtInPolicy } from '@complaints/policy';
import { policyInQuestion } from './policy-in-question';

const PLATFORM_AGENT = { name: 'operator', role: 'agent', organisationId: '*' } as const;

describe(policyInQuestion.name, () => {
  const mimo = builtInPolicy('mimo');
  const mimo2027 = { ...mimo, version: 2, effectiveFrom: '2027-01-01T00:00:00Z' };
  const registry = new PolicyRegistry(builtInPolicies());
  registry.publish(mimo2027);
  const at = (iso: string) => new Date(iso);

  it('takes the version in force at the instant when none is named', () => {
    expect(policyInQuestion(registry, PLATFORM_AGENT, { policyId: 'mimo' }, at('2026-06-01T00:00:00Z'), 'from').version).toBe(
      1,
    );
    expect(policyInQuestion(registry, PLATFORM_AGENT, { policyId: 'mimo' }, at('2027-06-01T00:00:00Z'), 'from').version).toBe(
      2,
    );
  });

  it('takes the version named, whatever the instant', () => {
    expect(
      policyInQuestion(registry, PLATFORM_AGENT, { policyId: 'mimo', version: 2 }, at('2026-06-01T00:00:00Z'), 'from')
        .version,
    ).toBe(2);
  });

  it('refuses an instant before the first version, naming the field it came from', () => {
    expect(() =>
      policyInQuestion(registry, PLATFORM_AGENT, { policyId: 'mimo' }, at('2020-01-01T00:00:00Z'), 'receivedAt'),
    ).toThrow(
      expect.objectContaining({
        constructor: InvalidInputError,
        fieldErrors: [
          { field: 'receivedAt', message: 'is before the first version of the policy takes effect' },
        ],
      }),
    );
  });

  it('checks a draft document rather than looking it up', () => {
    const draft = { ...mimo, id: 'acme-draft' };
    expect(policyInQuestion(registry, PLATFORM_AGENT, { policy: draft }, at('2026-06-01T00:00:00Z'), 'from').id).toBe(
      'acme-draft',
    );
    expect(() =>
      policyInQuestion(registry, PLATFORM_AGENT, { policy: { ...draft, version: 0 } }, at('2026-06-01T00:00:00Z'), 'from'),
    ).toThrow(PolicyValidationError);
  });
});
