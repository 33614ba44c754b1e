import { NotFoundError } from '@complaints/domain';
import { policyInput } from '../../test/policy-fixtures';
import { PolicyValidationError, PolicyVersionConflictError } from '../policy-errors';
import { PolicyRegistry } from './policy-registry';

describe(PolicyRegistry.name, () => {
  const v1 = policyInput({ version: 1, effectiveFrom: '2026-01-01T00:00:00Z' });
  const v2 = policyInput({
    version: 2,
    effectiveFrom: '2026-06-01T00:00:00+02:00',
    name: 'Test policy, June',
  });

  it('publishes a validated document and freezes it', () => {
    const registry = new PolicyRegistry();
    const result = registry.publish(v1);
    expect(result.outcome).toBe('published');
    expect(Object.isFrozen(result.policy.calendar.opening)).toBe(true);
    expect(registry.get('test-policy')?.version).toBe(1);
  });

  it('treats republishing the identical document as a no-op, whatever its key order', () => {
    const registry = new PolicyRegistry([v1]);
    const reordered = Object.fromEntries(Object.entries(v1).reverse());
    expect(registry.publish(reordered).outcome).toBe('unchanged');
    expect(registry.versions('test-policy')).toHaveLength(1);
  });

  it('refuses a different document under a published id and version', () => {
    const registry = new PolicyRegistry([v1]);
    expect(() => registry.publish({ ...v1, name: 'Changed' })).toThrow(PolicyVersionConflictError);
    expect(registry.get('test-policy', 1)?.name).toBe('Test policy');
  });

  it('pins the version as published over a different document under the same version', () => {
    const registry = new PolicyRegistry([{ ...v1, name: 'Edited in the file without a new version' }]);
    expect(registry.pin(v1).outcome).toBe('replaced');
    expect(registry.get('test-policy', 1)?.name).toBe('Test policy');
    expect(registry.pin(v1).outcome).toBe('unchanged');
    expect(registry.pin(v2).outcome).toBe('published');
  });

  it('refuses an invalid document with its validation errors', () => {
    expect(() => new PolicyRegistry().publish({ ...v1, version: -1 })).toThrow(PolicyValidationError);
  });

  it('gives the version in force at an instant, so a complaint keeps the version of its receipt', () => {
    const registry = new PolicyRegistry([v2, v1]);
    expect(registry.versionInForce('test-policy', new Date('2025-12-31T23:59:59Z'))).toBeUndefined();
    expect(registry.versionInForce('test-policy', new Date('2026-05-31T21:59:59Z'))?.version).toBe(1);
    expect(registry.versionInForce('test-policy', new Date('2026-05-31T22:00:00Z'))?.version).toBe(2);
  });

  it('lists every policy with its versions', () => {
    const registry = new PolicyRegistry([v1, v2, policyInput({ id: 'another' })]);
    expect(registry.list()).toEqual([
      {
        id: 'another',
        name: 'Test policy',
        latestVersion: 1,
        versions: [{ version: 1, effectiveFrom: '2026-01-01T00:00:00Z' }],
      },
      {
        id: 'test-policy',
        name: 'Test policy, June',
        latestVersion: 2,
        versions: [
          { version: 1, effectiveFrom: '2026-01-01T00:00:00Z' },
          { version: 2, effectiveFrom: '2026-06-01T00:00:00+02:00' },
        ],
      },
    ]);
  });

  it('reports a missing policy or version as not found', () => {
    const registry = new PolicyRegistry([v1]);
    expect(() => registry.require('nope')).toThrow(NotFoundError);
    expect(() => registry.require('test-policy', 9)).toThrow('policy test-policy version 9 was not found');
  });
});
