import {
  InMemoryTreeNodes,
  appendLeaves,
  ed25519KeyPairFromSeed,
  formatVerifierKey,
  leafHash,
  rawEd25519PublicKey,
  signCheckpoint,
  treeRoot,
} from '@complaints/transparency-log';
import { ExportRecord, verifyExport } from './export-check';
import { GENESIS_HASH, RegisterEntry, entryHash, payloadDigest } from './register-entry';

const ORIGIN = 'complaints.example/register';
const signer = { name: ORIGIN, keyPair: ed25519KeyPairFromSeed(Buffer.alloc(32, 7).toString('base64')) };
const verifierKey = formatVerifierKey(ORIGIN, rawEd25519PublicKey(signer.keyPair.publicKey));
const otherKey = formatVerifierKey(ORIGIN, rawEd25519PublicKey(ed25519KeyPairFromSeed(Buffer.alloc(32, 9).toString('base64')).publicKey));

/** A register of `size` entries as an export lists them, then its checkpoint over the first `signedSize`. */
async function exportOf(size: number, signedSize = size): Promise<ExportRecord[]> {
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
      complaintId: '0192f0a4-0000-7000-8000-0000000000aa',
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
});
