import { Envelope } from '@complaints/contracts';
import { appendLeaves, leafHash } from '@complaints/transparency-log';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { RegisterEntry, RegisterHead, carriedReference, nextEntry } from './register-entry';
import { REGISTER_WRITER, RegisterWriter } from './register-writer';
import { TREE_NODE_STORE, TreeNodeStore } from './tree-node-store';

/** The events that became entries (in register order), and the register's size after them. */
export interface AppendResult {
  readonly appended: readonly Envelope[];
  readonly size: number;
}

/**
 * Records events as the next entries, in the order given, and adds them to the Merkle tree,
 * in the consumer's transaction. The head is locked first, so appends from every consumer and
 * replica queue up and each links to the one before; an event already recorded (redelivered
 * after its inbox row was lost, or published twice, even twice in one batch) is found under
 * that lock and makes no second entry. A batch costs the same statements as one event: one
 * lock, one look-up of recorded events, one of earlier references, one read of the tree's
 * frontier, and one insert per table.
 */
@Injectable()
export class AppendEvents {
  constructor(
    @Inject(REGISTER_WRITER) private readonly register: RegisterWriter,
    @Inject(TREE_NODE_STORE) private readonly tree: TreeNodeStore,
  ) {}

  async execute(tx: EntityManager, events: readonly Envelope[], recordedAt: Date): Promise<AppendResult> {
    const head = await this.register.lockHead(tx);
    const seen = await this.register.recordedEvents(
      tx,
      events.map((event) => event.id),
    );
    const fresh = events.filter((event) => !seen.has(event.id) && seen.add(event.id));
    if (fresh.length === 0) return { appended: [], size: head.size };
    const references = await this.earlierReferences(tx, fresh);
    const entries: RegisterEntry[] = [];
    let at: RegisterHead = head;
    for (const event of fresh) {
      const { complaintId } = event;
      const entry = nextEntry(at, event, recordedAt, complaintId === null ? null : (references.get(complaintId) ?? null));
      // An entry earlier in the batch names the complaint's reference for those after it.
      if (complaintId !== null && entry.reference !== null && !references.has(complaintId)) references.set(complaintId, entry.reference);
      entries.push(entry);
      at = { size: entry.seq + 1, lastHash: entry.hash };
    }
    const leaves = entries.map((entry) => leafHash(Buffer.from(entry.hash, 'hex')));
    const nodes = await appendLeaves(this.tree.reader(tx), head.size, leaves);
    await this.register.append(
      tx,
      entries.map((entry, i) => ({ entry, payload: fresh[i]?.data })),
    );
    await this.tree.insert(tx, nodes);
    return { appended: fresh, size: at.size };
  }

  /** Only events that do not carry their complaint's reference need an earlier entry's. */
  private earlierReferences(tx: EntityManager, events: readonly Envelope[]): Promise<Map<string, string>> {
    const complaints = new Set(events.flatMap((event) => (event.complaintId !== null && carriedReference(event) === null ? [event.complaintId] : [])));
    return complaints.size === 0 ? Promise.resolve(new Map()) : this.register.referencesOf(tx, [...complaints]);
  }
}
