import {
  InMemoryTreeNodes,
  appendLeaves,
  consistencyProof,
  ed25519KeyPairFromSeed,
  formatVerifierKey,
  inclusionProof,
  leafHash,
  rawEd25519PublicKey,
  signCheckpoint,
  treeRoot,
} from '@complaints/transparency-log';
import { ExportRecord, RangeProofRecord, verifyExport } from './export-check';
import { GENESIS_HASH, RegisterEntry, entryHash, payloadDigest } from './register-entry';

const ORIGIN = 'complaints.example/register';
const signer = { name: ORIGIN, keyPair: ed25519KeyPairFromSeed(Buffer.alloc(32, 7).toString('base64')) };
const verifierKey = formatVerifierKey(ORIGIN, rawEd25519PublicKey(signer.keyPair.publicKey));
const otherKey = formatVerifierKey(ORIGIN, rawEd25519PublicKey(ed25519KeyPairFromSeed(Buffer.alloc(32, 9).toString('base64')).publicKey));

/** A register of `size` entries as an export lists them, then its checkpoint over the first `signedSize`. */
async function exportOf(size: number, signedSize = size, complaintId = '0192f0a4-0000-7000-8000-0000000000aa'): Promise<ExportRecord[]> {
  const entries: ExportRecord[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 0; seq < size; seq++) {
    const payload = { reference: 'MIMO-2026-000001', step: seq };
    const fields = {
      seq,
      eventId: `0192f0a4-0000-7000-8000-${String(seq).padStart(12, '0')}`,
      type: 'complaint.acknowledged',
      version: 1,
      occurredAt: '2026-11-20T16:30:00.000Z',
      recordedAt: '2026-11-20T16:30:01.000Z',
      complaintId,
      reference: 'MIMO-2026-000001',
      policyId: 'mimo',
      actor: { kind: 'client', id: 'dev-agent' },
      payloadDigest: payloadDigest(payload),
      prevHash,
    } as const;
    const entry: RegisterEntry = { ...fields, hash: entryHash(fields) };
    entries.push({ record: 'entry', ...entry, payload });
    prevHash = entry.hash;
  }
  return [...entries, { record: 'checkpoint', note: await checkpointOf(entries, signedSize) }];
}

async function checkpointOf(entries: readonly ExportRecord[], size: number): Promise<string> {
  const tree = new InMemoryTreeNodes();
  const hashes = entries.slice(0, size).map((record) => leafHash(Buffer.from((record as { hash: string }).hash, 'hex')));
  tree.put(await appendLeaves(tree, 0, hashes));
  return signCheckpoint({ origin: ORIGIN, treeSize: size, rootHash: await treeRoot(tree, size), extensions: [] }, signer);
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** Entries [from, to) of a register of `size` entries, as `GET /v1/audit/export?from&to` lists them. */
async function rangeExportOf(size: number, from: number, to: number): Promise<ExportRecord[]> {
  const whole = await exportOf(size);
  const tree = new InMemoryTreeNodes();
  tree.put(await appendLeaves(tree, 0, whole.slice(0, size).map((record) => leafHash(Buffer.from((record as { hash: string }).hash, 'hex')))));
  const left = from === 0 ? null : { leafHash: hex((await tree.get(0, from - 1)) as Uint8Array), proof: (await inclusionProof(tree, from - 1, from)).map(hex) };
  const proof: RangeProofRecord = { record: 'range-proof', from, to, treeSize: size, left, consistency: (await consistencyProof(tree, to, size)).map(hex) };
  return [...whole.slice(from, to), whole[size] as ExportRecord, proof];
}

const replace = (records: ExportRecord[], seq: number, change: (record: ExportRecord) => ExportRecord) =>
  records.map((record, i) => (i === seq ? change(record) : record));

describe(verifyExport.name, () => {
  it('verifies a whole export with the pinned key', async () => {
    expect(await verifyExport(await exportOf(10), verifierKey)).toEqual({ ok: true, checked: 10, treeSize: 10, firstBroken: null });
  });

  it('refuses one signed by another key', async () => {
    expect((await verifyExport(await exportOf(3), otherKey)).firstBroken).toEqual({ seq: 2, reason: 'checkpoint-signature' });
  });

  it.each([
    ['a changed payload', (r: ExportRecord) => ({ ...r, payload: { step: 'forged' } }) as ExportRecord, 'payload-digest'],
    ['a changed field', (r: ExportRecord) => ({ ...r, type: 'complaint.closed' }) as ExportRecord, 'hash'],
    ['a changed hash', (r: ExportRecord) => ({ ...r, hash: 'ab'.repeat(32) }) as ExportRecord, 'hash'],
  ])('names the seq of %s', async (_what, change, reason) => {
    const records = replace(await exportOf(6), 3, change);
    expect((await verifyExport(records, verifierKey)).firstBroken).toEqual({ seq: 3, reason });
  });

  it('names the first seq where entries are missing or swapped', async () => {
    const records = await exportOf(6);
    const withoutTwo = records.filter((_, i) => i !== 2);
    expect((await verifyExport(withoutTwo, verifierKey)).firstBroken).toEqual({ seq: 2, reason: 'seq' });
    const swapped = replace(replace(records, 1, () => records[2] as ExportRecord), 2, () => records[1] as ExportRecord);
    expect((await verifyExport(swapped, verifierKey)).firstBroken).toEqual({ seq: 1, reason: 'seq' });
  });

  it('checks the chain through another organisation’s stubs', async () => {
    const records = await exportOf(5);
    const stubbed = replace(records, 2, (r) => {
      const { seq, prevHash, hash } = r as { seq: number; prevHash: string; hash: string };
      return { record: 'entry-stub', seq, prevHash, hash };
    });
    expect((await verifyExport(stubbed, verifierKey)).ok).toBe(true);
    const forged = replace(stubbed, 2, (r) => ({ ...r, hash: 'cd'.repeat(32) }) as ExportRecord);
    expect((await verifyExport(forged, verifierKey)).firstBroken).toEqual({ seq: 3, reason: 'prev-hash' });
  });

  it('proves the register only grew since a checkpoint the auditor saved, and catches a rewritten past', async () => {
    const records = await exportOf(8);
    const saved = await checkpointOf(records, 5);
    expect((await verifyExport(records, verifierKey, saved)).ok).toBe(true);
    // A register rebuilt with a different fifth entry gives another root for the saved size.
    const rewritten = await exportOf(8);
    const otherPast = await checkpointOf(replace(rewritten, 4, (r) => ({ ...r, hash: 'ef'.repeat(32) }) as ExportRecord), 5);
    expect((await verifyExport(records, verifierKey, otherPast)).firstBroken).toEqual({ seq: 4, reason: 'checkpoint-root' });
  });

  describe('of a range of seqs', () => {
    it('verifies every range of a 13-entry register against its checkpoint', async () => {
      for (let from = 0; from < 13; from++) {
        for (let to = from + 1; to <= 13; to++) {
          const records = await rangeExportOf(13, from, to);
          expect({ from, to, result: await verifyExport(records, verifierKey) }).toEqual({
            from,
            to,
            result: { ok: true, checked: to - from, treeSize: 13, firstBroken: null },
          });
        }
      }
    });

    it('names the seq of a changed entry in the range', async () => {
      const records = replace(await rangeExportOf(10, 3, 7), 2, (r) => ({ ...r, type: 'complaint.closed' }) as ExportRecord);
      expect((await verifyExport(records, verifierKey)).firstBroken).toEqual({ seq: 5, reason: 'hash' });
    });

    it('refuses a range rewritten with entries that chain among themselves, since they are not the signed leaves', async () => {
      const genuine = await rangeExportOf(10, 3, 7);
      const other = await exportOf(10, 10, '0192f0a4-0000-7000-8000-0000000000bb');
      const forged = [...other.slice(3, 7), ...genuine.slice(4)];
      expect((await verifyExport(forged, verifierKey)).firstBroken).toEqual({ seq: 6, reason: 'checkpoint-root' });
    });

    const forgedHash = 'ab'.repeat(32);
    it.each([
      ['a hash of the left proof', (p: RangeProofRecord) => ({ ...p, left: p.left && { ...p.left, proof: [forgedHash, ...p.left.proof.slice(1)] } })],
      ['the left leaf', (p: RangeProofRecord) => ({ ...p, left: p.left && { ...p.left, leafHash: forgedHash } })],
      ['a hash of the consistency proof', (p: RangeProofRecord) => ({ ...p, consistency: [forgedHash, ...p.consistency.slice(1)] })],
      ['the tree size', (p: RangeProofRecord) => ({ ...p, treeSize: p.treeSize + 1 })],
    ])('refuses the range at its last seq when %s is changed', async (_what, change) => {
      const changed = (await rangeExportOf(10, 3, 7)).map((r) => (r.record === 'range-proof' ? change(r) : r));
      expect((await verifyExport(changed, verifierKey)).firstBroken).toEqual({ seq: 6, reason: 'checkpoint-root' });
    });

    it('refuses entries presented as another range', async () => {
      const moved = (await rangeExportOf(10, 3, 7)).map((r) => (r.record === 'range-proof' ? { ...r, from: 4, to: 8 } : r));
      expect((await verifyExport(moved, verifierKey)).firstBroken).toEqual({ seq: 4, reason: 'seq' });
    });

    it('names the first missing seq of a range cut short', async () => {
      const records = (await rangeExportOf(10, 3, 7)).filter((r) => !(r.record === 'entry' && r.seq === 6));
      expect((await verifyExport(records, verifierKey)).firstBroken).toEqual({ seq: 6, reason: 'seq' });
    });

    it('checks a saved checkpoint only against a whole export', async () => {
      const records = await rangeExportOf(8, 2, 5);
      await expect(verifyExport(records, verifierKey, await checkpointOf(await exportOf(8), 5))).rejects.toThrow(/whole export/);
    });
  });
});
