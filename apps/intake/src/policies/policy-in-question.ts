import { PolicySubject } from '@complaints/contracts';
import { InvalidInputError, NotFoundError, Principal } from '@complaints/domain';
import { PolicyDocument, PolicyRegistry, parsePolicyDocument } from '@complaints/policy';
import { seesPolicy } from './policy-visibility';

/**
 * The policy a question names: a draft document, checked here, or a published version.
 * Without a version, the one in force at `at` (named `atField` in the request), as a
 * complaint received then would follow.
 */
export function policyInQuestion(
  registry: PolicyRegistry,
  principal: Principal,
  subject: PolicySubject,
  at: Date,
  atField: string,
): PolicyDocument {
  if ('policy' in subject) return parsePolicyDocument(subject.policy);
  // Another organisation's policy is as unknown as one that does not exist.
  if (!seesPolicy(principal, registry.require(subject.policyId))) throw new NotFoundError(`policy ${subject.policyId}`);
  if (subject.version !== undefined) return registry.require(subject.policyId, subject.version);
  const inForce = registry.versionInForce(subject.policyId, at);
  if (!inForce) {
    throw new InvalidInputError(`policy ${subject.policyId} has no version in force at ${atField}`, [
      { field: atField, message: 'is before the first version of the policy takes effect' },
    ]);
  }
  return inForce;
}
