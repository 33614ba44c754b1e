import { NotFoundError } from '@complaints/domain';
import { PolicyVersionConflictError } from '../policy-errors';
import type { PolicyDocument } from '../schema/policy-document.schema';
import { parsePolicyDocument } from '../schema/validate-policy-document';
import { canonicalJson } from './canonical-json';
import { deepFreeze } from './deep-freeze';
import { versionInForce } from './version-in-force';

export type PublishOutcome =
  | { readonly outcome: 'published'; readonly policy: PolicyDocument }
  | { readonly outcome: 'unchanged'; readonly policy: PolicyDocument };

export interface PolicySummary {
  readonly id: string;
  readonly name: string;
  readonly versions: readonly { readonly version: number; readonly effectiveFrom: string }[];
  readonly latestVersion: number;
}

/**
 * The published policy versions, in memory and framework-free (services feed it from the
 * bus). A published version never changes: publishing the same document again is a no-op,
 * and a different document under the same id and version is refused. Versions may arrive in
 * any order (a replayed key-value bucket gives no order), so none is refused for being old.
 */
export class PolicyRegistry {
  private readonly byId = new Map<string, Map<number, { policy: PolicyDocument; canonical: string }>>();

  constructor(initial: Iterable<unknown> = []) {
    for (const document of initial) this.publish(document);
  }

  /** Validates and publishes a document; throws `PolicyValidationError` or `PolicyVersionConflictError`. */
  publish(document: unknown): PublishOutcome {
    // Without replacing, a stored version is never 'replaced'.
    return this.store(document, false) as PublishOutcome;
  }

  /**
   * Registers the version as published, replacing a different document under the same id and
   * version. Only for the record of what was published (intake's table, the POLICIES
   * stream): a built-in file edited without a new version must not change the deadlines of
   * complaints already received under the version as it was published.
   */
  pin(document: unknown): PublishOutcome | { readonly outcome: 'replaced'; readonly policy: PolicyDocument } {
    return this.store(document, true);
  }

  private store(document: unknown, replace: boolean): PublishOutcome | { readonly outcome: 'replaced'; readonly policy: PolicyDocument } {
    const policy = parsePolicyDocument(document);
    const canonical = canonicalJson(policy);
    const versions = this.byId.get(policy.id) ?? new Map<number, { policy: PolicyDocument; canonical: string }>();
    const existing = versions.get(policy.version);
    if (existing?.canonical === canonical) return { outcome: 'unchanged', policy: existing.policy };
    if (existing && !replace) throw new PolicyVersionConflictError(policy.id, policy.version);
    const frozen = deepFreeze(policy);
    versions.set(policy.version, { policy: frozen, canonical });
    this.byId.set(policy.id, versions);
    return { outcome: existing ? 'replaced' : 'published', policy: frozen };
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** A given version, or the latest published one. */
  get(id: string, version?: number): PolicyDocument | undefined {
    const versions = this.byId.get(id);
    if (!versions) return undefined;
    if (version !== undefined) return versions.get(version)?.policy;
    return versions.get(Math.max(...versions.keys()))?.policy;
  }

  /** Like `get`, but a missing policy or version is a `NotFoundError`. */
  require(id: string, version?: number): PolicyDocument {
    const policy = this.get(id, version);
    if (!policy)
      throw new NotFoundError(version === undefined ? `policy ${id}` : `policy ${id} version ${version}`);
    return policy;
  }

  /** The version a complaint received at `at` follows. */
  versionInForce(id: string, at: Date): PolicyDocument | undefined {
    const versions = this.byId.get(id);
    return versions
      ? versionInForce(
          [...versions.values()].map((entry) => entry.policy),
          at,
        )
      : undefined;
  }

  versions(id: string): PolicyDocument[] {
    return [...(this.byId.get(id)?.values() ?? [])]
      .map((entry) => entry.policy)
      .sort((a, b) => a.version - b.version);
  }

  list(): PolicySummary[] {
    return [...this.byId.keys()].sort().map((id) => {
      const versions = this.versions(id);
      const latest = versions.at(-1) as PolicyDocument;
      return {
        id,
        name: latest.name,
        versions: versions.map(({ version, effectiveFrom }) => ({ version, effectiveFrom })),
        latestVersion: latest.version,
      };
    });
  }
}
