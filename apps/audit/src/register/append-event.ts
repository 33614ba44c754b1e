import { Envelope } from '@complaints/contracts';
import { appendLeaves, leafHash } from '@complaints/transparency-log';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { carriedReference, nextEntry } from './register-entry';
import { REGISTER_WRITER, RegisterWriter } from './register-writer';
import { TREE_NODE_STORE, TreeNodeStore } from './tree-node-store';

export type AppendResult = { readonly appended: true; readonly size: number } | { readonly appended: false };

/**
 * Records one event as the next entry, and adds it to the Merkle tree, in the consumer's
 * transaction. The head is locked first, so appends from every consumer and replica queue up
 * and each links to the one before; an event already recorded (redelivered after its inbox
 * row was lost, or published twice) is found under that lock and makes no second entry.
 */
@Injectable()
export class AppendEvent {
  constructor(
    @Inject(REGISTER_WRITER) private readonly register: RegisterWriter,
    @Inject(TREE_NODE_STORE) private readonly tree: TreeNodeStore,
  ) {}

  async execute(tx: EntityManager, event: Envelope, recordedAt: Date): Promise<AppendResult> {
    const head = await this.register.lockHead(tx);
    if (await this.register.hasEvent(tx, event.id)) return { appended: false };
    // Only an event that does not carry its complaint's reference needs an earlier entry's.
    const { complaintId } = event;
    const earlierReference =
      complaintId !== null && carriedReference(event) === null ? await this.register.referenceOf(tx, complaintId) : null;
    const entry = nextEntry(head, event, recordedAt, earlierReference);
    const nodes = await appendLeaves(this.tree.reader(tx), head.size, [leafHash(Buffer.from(entry.hash, 'hex'))]);
    await this.register.append(tx, entry, event.data);
    await this.tree.insert(tx, nodes);
    return { appended: true, size: head.size + 1 };
  }
}
