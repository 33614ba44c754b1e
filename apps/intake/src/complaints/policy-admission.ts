import { CreateComplaintBody } from '@complaints/contracts';
import { ComplaintStatus, FieldError, InvalidInputError, initialStatus } from '@complaints/domain';
import { PolicyDocument } from '@complaints/policy';

/**
 * Checks a new complaint against the policy it names, so a complaint the policy cannot
 * handle is refused at the door, naming the field. Data minimisation: third-party and seller
 * details are taken only where the policy has rules for them.
 */
export function admitToPolicy(policy: PolicyDocument, body: CreateComplaintBody): { status: ComplaintStatus } {
  const problems: FieldError[] = [];
  const named = `policy ${policy.id}`;
  if (!policy.intake.kinds.includes(body.kind)) {
    problems.push({ field: 'kind', message: `${named} takes ${policy.intake.kinds.join(', ')} only` });
  }
  if (!policy.intake.channels.includes(body.channel)) {
    problems.push({ field: 'channel', message: `${named} takes complaints by ${policy.intake.channels.join(', ')} only` });
  }
  if (body.thirdParty && !policy.thirdParty?.allowed) {
    problems.push({ field: 'thirdParty', message: `${named} does not take complaints made by a third party` });
  }
  if (body.seller && !policy.sellers) {
    problems.push({ field: 'seller', message: `${named} has no seller rules, so no seller is recorded` });
  }
  if (problems.length > 0) throw new InvalidInputError(`the complaint does not fit ${named}`, problems);
  const needsAuthorisation = body.thirdParty !== undefined && policy.thirdParty?.requiresWrittenAuthorisation === true;
  return { status: initialStatus({ thirdParty: needsAuthorisation }) };
}

/** The policy's dispute tiers as the API names them; a client may also give a tier's number. */
export function resolveDisputeTier(policy: PolicyDocument, requested: string): { tier: string; allowedTiers: string[] } {
  const tiers = policy.disputes?.tiers ?? [];
  const match = tiers.find((t) => String(t.tier) === requested || t.name.toLowerCase() === requested.toLowerCase());
  return { tier: match?.name ?? requested, allowedTiers: tiers.map((t) => t.name) };
}
