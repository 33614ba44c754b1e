import { join } from 'node:path';
import type { PolicyDocument } from '../schema/policy-document.schema';
import { deepFreeze } from '../registry/deep-freeze';
import { loadPolicyFile } from './policy-file';

/** The four seed policies, then the regulatory profiles. */
export const BUILT_IN_POLICY_IDS = ['mimo', 'mit', 'modmount', 'imolocale', 'fca-disp', 'cfpb'] as const;
export type BuiltInPolicyId = (typeof BUILT_IN_POLICY_IDS)[number];

/**
 * Where the YAML lives: `libs/policy/policies`, outside `src` so that `tsc` need not copy it.
 * This file sits one folder below the root of both `src/` (tests) and `dist/` (built code).
 */
export function builtInPoliciesDirectory(): string {
  return join(__dirname, '..', '..', 'policies');
}

let loaded: readonly PolicyDocument[] | undefined;

/** The built-in policies, validated once and frozen. */
export function builtInPolicies(): readonly PolicyDocument[] {
  loaded ??= deepFreeze(
    BUILT_IN_POLICY_IDS.map((id) => loadPolicyFile(join(builtInPoliciesDirectory(), `${id}.yaml`))),
  );
  return loaded;
}

export function builtInPolicy(id: BuiltInPolicyId): PolicyDocument {
  return builtInPolicies().find((policy) => policy.id === id) as PolicyDocument;
}
