import { Actor } from '@complaints/contracts';
import { executeSql } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';

export interface StoredPolicyVersion {
  readonly policyId: string;
  readonly version: number;
  readonly effectiveFrom: string;
  readonly document: Record<string, unknown>;
  readonly digest: string;
  /** The id of its `policy.published` event, so a re-publication is recognised as the same event. */
  readonly eventId: string;
  readonly publishedBy: Actor;
  readonly publishedAt: Date;
}

interface PolicyVersionRow {
  policy_id: string;
  version: number;
  effective_from: Date;
  document: Record<string, unknown>;
  digest: string;
  event_id: string;
  published_by: Actor;
  published_at: Date;
}

const COLUMNS = 'policy_id, version, effective_from, document, digest, event_id, published_by, published_at';

function fromRow(row: PolicyVersionRow): StoredPolicyVersion {
  return {
    policyId: row.policy_id,
    version: row.version,
    effectiveFrom: new Date(row.effective_from).toISOString(),
    document: row.document,
    digest: row.digest,
    eventId: row.event_id,
    publishedBy: row.published_by,
    publishedAt: new Date(row.published_at),
  };
}

/** Reads and writes `intake.policy_versions`. A version, once stored, is never updated. */
export class PolicyVersionsStore {
  async all(em: EntityManager): Promise<StoredPolicyVersion[]> {
    const rows = await executeSql<PolicyVersionRow>(em, `select ${COLUMNS} from intake.policy_versions order by published_at`);
    return rows.map(fromRow);
  }

  async find(em: EntityManager, policyId: string, version: number): Promise<StoredPolicyVersion | undefined> {
    const [row] = await executeSql<PolicyVersionRow>(
      em,
      `select ${COLUMNS} from intake.policy_versions where policy_id = ? and version = ?`,
      [policyId, version],
    );
    return row ? fromRow(row) : undefined;
  }

  /** False when the version already exists (another request or replica stored it first). */
  async insert(tx: EntityManager, entry: Omit<StoredPolicyVersion, 'publishedAt'>): Promise<boolean> {
    const inserted = await executeSql<{ version: number }>(
      tx,
      `insert into intake.policy_versions (policy_id, version, effective_from, document, digest, event_id, published_by)
       values (?, ?, ?, ?::jsonb, ?, ?, ?::jsonb) on conflict (policy_id, version) do nothing returning version`,
      [
        entry.policyId,
        entry.version,
        entry.effectiveFrom,
        JSON.stringify(entry.document),
        entry.digest,
        entry.eventId,
        JSON.stringify(entry.publishedBy),
      ],
    );
    return inserted.length === 1;
  }
}
