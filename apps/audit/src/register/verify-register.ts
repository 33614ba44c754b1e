import { RegisterVerification, VerifyRegisterRequest } from '@complaints/contracts';
import { NoteVerifierKey, formatVerifierKey, parseVerifierKey, rawEd25519PublicKey, treeRoot } from '@complaints/transparency-log';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { RegisterBreak, StoredEntry, firstChainBreak } from './chain-check';
import { checkpointBreak } from './checkpoint-check';
import { CHECKPOINT_STORE, CheckpointStore } from './checkpoint-store';
import { GENESIS_HASH } from './register-entry';
import { REGISTER_READER, RegisterReader } from './register-reader';
import { REGISTER_SETTINGS, RegisterSettings } from './register-settings';
import { expectedSubtrees, firstTreeBreak } from './tree-check';
import { TREE_NODE_STORE, TreeNodeStore } from './tree-node-store';

/** The most entries one request checks; an auditor walks a longer register range by range. */
export const MAX_VERIFIED_ENTRIES = 10_000;

/** Entries from the start of `entries` whose seqs follow on from `from` with no gap. */
function contiguous(entries: readonly StoredEntry[], from: number): StoredEntry[] {
  const gap = entries.findIndex(({ entry }, offset) => entry.seq !== from + offset);
  return gap < 0 ? [...entries] : entries.slice(0, gap);
}

const earliest = (breaks: readonly (RegisterBreak | null)[]): RegisterBreak | null =>
  breaks.reduce<RegisterBreak | null>((first, found) => (found && (!first || found.seq < first.seq) ? found : first), null);

/**
 * Recomputes the register over seqs [from, to): the chain and payload digests, the stored
 * tree nodes wholly in that range against the entries, and every checkpoint of a tree size in
 * (from, to] against its signature and the stored tree. Reports the first seq where any of
 * them fails.
 */
@Injectable()
export class VerifyRegister {
  private readonly verifier: NoteVerifierKey;

  constructor(
    private readonly em: EntityManager,
    @Inject(REGISTER_READER) private readonly register: RegisterReader,
    @Inject(TREE_NODE_STORE) private readonly tree: TreeNodeStore,
    @Inject(CHECKPOINT_STORE) private readonly checkpoints: CheckpointStore,
    @Inject(REGISTER_SETTINGS) private readonly settings: RegisterSettings,
  ) {
    this.verifier = parseVerifierKey(formatVerifierKey(settings.origin, rawEd25519PublicKey(settings.keyPair.publicKey)));
  }

  async execute({ from, to }: VerifyRegisterRequest): Promise<RegisterVerification> {
    const em = this.em.fork();
    const size = await this.register.size(em);
    const end = Math.min(to ?? size, size, from + MAX_VERIFIED_ENTRIES);
    if (end <= from) return { ok: true, checked: 0, firstBroken: null };

    const prevHash = from === 0 ? GENESIS_HASH : await this.register.hashAt(em, from - 1);
    if (prevHash === undefined) return { ok: false, checked: 0, firstBroken: { seq: from - 1, reason: 'seq' } };
    const entries = await this.register.range(em, from, end);
    const chainBreak = firstChainBreak(entries, { from, to: end }, prevHash);

    const inOrder = contiguous(entries, from);
    const expected = expectedSubtrees(from, inOrder.map(({ entry }) => Buffer.from(entry.hash, 'hex')));
    const treeBreak = firstTreeBreak(expected, await this.tree.within(em, from, from + inOrder.length));

    const nodes = this.tree.reader(em);
    const checkpointBreaks = await Promise.all(
      (await this.checkpoints.between(em, from, end)).map(async (checkpoint) => {
        const root = await treeRoot(nodes, checkpoint.treeSize).catch(() => undefined);
        return checkpointBreak(checkpoint, this.verifier, this.settings.origin, root);
      }),
    );

    const firstBroken = earliest([chainBreak, treeBreak, ...checkpointBreaks]);
    return { ok: firstBroken === null, checked: end - from, firstBroken };
  }
}
