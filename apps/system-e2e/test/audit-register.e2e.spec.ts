import { waitFor } from '@complaints/testing';
import { leafHash, parseVerifierKey, verifyCheckpoint, verifyInclusion } from '@complaints/transparency-log';
import { expectStatus } from './support/api-client';
import { newComplaint } from './support/complaint-bodies';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { API_KEYS, serviceEntryPoint } from './support/running-system';
import { systemForFile } from './support/system-for-file';

/*
 * The audit register through the gateway: a complaint's lifecycle on the bus becomes entries,
 * and an auditor can check them with nothing but the transparency-log library and the
 * verifier key the register publishes.
 */

interface Entry {
  seq: number;
  type: string;
  eventId: string;
  reference: string | null;
  hash: string;
  prevHash: string;
}

const hex = (value: string): Uint8Array => Uint8Array.from(Buffer.from(value, 'hex'));

describe('the audit register', () => {
  const { api } = systemForFile(['gateway', 'intake', 'sla', 'audit']);
  const LIFECYCLE = ['complaint.received', 'complaint.acknowledged', 'complaint.response-sent', 'complaint.resolved'];
  let complaint: { id: string; reference: string };
  let entries: Entry[];

  beforeAll(async () => {
    complaint = expectStatus(await api.create(API_KEYS.agent, newComplaint()), 201).body;
    for (const [action, body] of [
      ['acknowledge', {}],
      ['responses', { type: 'first_reply', channel: 'email', summary: 'Asked the carrier' }],
      ['resolve', { summary: 'Refunded' }],
    ] as const) {
      expectStatus(await api.command(API_KEYS.agent, complaint.id, action, body), 200);
    }
    entries = await waitFor('the lifecycle in the register', async () => {
      const response = await api.get(API_KEYS.auditor, `/v1/audit/complaints/${complaint.id}`);
      const items = response.status === 200 ? (response.body.items as Entry[]) : [];
      return LIFECYCLE.every((type) => items.some((entry) => entry.type === type)) && items;
    }, 20_000);
  });

  it("lists the complaint's entries in order, each under its reference", async () => {
    const lifecycle = entries.filter((entry) => LIFECYCLE.includes(entry.type));
    expect(lifecycle.map((entry) => entry.type)).toEqual(LIFECYCLE);
    expect(entries.every((entry) => entry.reference === complaint.reference)).toBe(true);
    const seqs = entries.map((entry) => entry.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);

    const page = expectStatus(await api.get(API_KEYS.auditor, `/v1/audit/entries?reference=${complaint.reference}&limit=2`), 200).body;
    expect(page.items.map((entry: Entry) => entry.eventId)).toEqual(entries.slice(0, 2).map((entry) => entry.eventId));
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  it('publishes a signed checkpoint that verifies with its verifier key, and inclusion proofs against it', async () => {
    const key = expectStatus(await api.get(API_KEYS.auditor, '/v1/audit/public-key'), 200).body;
    expect(key).toMatchObject({ algorithm: 'ed25519', name: expect.any(String), publicKey: expect.any(String) });
    const verifier = parseVerifierKey(key.verifierKey);
    const last = Math.max(...entries.map((entry) => entry.seq));
    const checkpoint = await waitFor('a checkpoint covering the complaint', async () => {
      const response = await api.get(API_KEYS.auditor, '/v1/audit/checkpoint');
      if (response.status !== 200) return undefined;
      const signed = verifyCheckpoint(response.body as string, verifier, key.name);
      return signed.treeSize > last && { signed, contentType: response.contentType };
    }, 30_000);
    expect(checkpoint.contentType).toMatch(/^text\/plain/);

    for (const entry of entries) {
      const proof = expectStatus(
        await api.get(API_KEYS.auditor, `/v1/audit/proofs/inclusion?index=${entry.seq}&treeSize=${checkpoint.signed.treeSize}`),
        200,
      ).body;
      expect(proof.leafHash).toBe(Buffer.from(leafHash(hex(entry.hash))).toString('hex'));
      const claim = { leafHash: hex(proof.leafHash), index: entry.seq, treeSize: checkpoint.signed.treeSize, proof: proof.proof.map(hex), rootHash: checkpoint.signed.rootHash };
      expect(verifyInclusion(claim)).toBe(true);
    }
  });

  it('verifies from the first entry', async () => {
    const result = expectStatus(await api.get(API_KEYS.auditor, '/v1/audit/verify'), 200).body;
    expect(result).toMatchObject({ ok: true, firstBroken: null });
    expect(result.checked).toBeGreaterThan(Math.max(...entries.map((entry) => entry.seq)));
  });

  it("shows an organisation's auditor its own entries in full and the others' as stubs that still chain", async () => {
    // The complaint above is Mimo's; a MiT auditor sees its entries only as seq and hashes.
    const forMit = expectStatus(await api.get(API_KEYS.mitAuditor, '/v1/audit/entries?limit=500'), 200).body.items as Record<string, unknown>[];
    const mimoSeqs = new Set(entries.map((entry) => entry.seq));
    const stubs = forMit.filter((item) => mimoSeqs.has(item['seq'] as number));
    expect(stubs.length).toBe(entries.length);
    for (const stub of stubs) expect(Object.keys(stub).sort()).toEqual(['hash', 'prevHash', 'seq']);
    expect(JSON.stringify(forMit)).not.toContain(complaint.reference);
    // The chain reads through them: each entry's prevHash is the hash before it.
    for (const [i, item] of forMit.entries()) if (i > 0) expect(item['prevHash']).toBe(forMit[i - 1]?.['hash']);
    expect((await api.get(API_KEYS.mitAuditor, `/v1/audit/complaints/${complaint.id}`)).status).toBe(404);
    // Mimo's own auditor reads them in full.
    const forMimo = expectStatus(await api.get(API_KEYS.mimoAuditor, `/v1/audit/complaints/${complaint.id}`), 200).body.items as Entry[];
    // Entries recorded since (a late clock change) may follow; those read before lead, in order.
    expect(forMimo.slice(0, entries.length).map((entry) => entry.eventId)).toEqual(entries.map((entry) => entry.eventId));
    expect(forMimo.every((entry) => typeof entry.eventId === 'string')).toBe(true);
  });

  describe('exported and verified offline with `npm run audit:verify`', () => {
    const cli = join(dirname(serviceEntryPoint('audit')), 'cli', 'audit-verify.js');
    const folder = mkdtempSync(join(tmpdir(), 'audit-export-'));

    async function exported(key: string, query = ''): Promise<string[]> {
      const response = await api.get(key, `/v1/audit/export${query}`);
      expect(response.status).toBe(200);
      expect(response.contentType).toMatch(/^application\/x-ndjson/);
      return (response.body as string).trim().split('\n');
    }

    /** Runs the CLI as an auditor would, on a file; resolves with its exit code and result. */
    async function verifyOffline(lines: readonly string[], verifierKey: string): Promise<{ code: number; result: { ok: boolean; firstBroken: unknown } }> {
      const file = join(folder, `export-${Date.now()}-${Math.random()}.ndjson`);
      writeFileSync(file, `${lines.join('\n')}\n`);
      try {
        const { stdout } = await promisify(execFile)(process.execPath, [cli, file, '--key', verifierKey]);
        return { code: 0, result: JSON.parse(stdout) };
      } catch (error) {
        const failed = error as { code: number; stdout: string };
        return { code: failed.code, result: JSON.parse(failed.stdout) };
      }
    }

    it('verifies an export with the pinned verifier key, and names the seq of a changed payload', async () => {
      const { verifierKey } = expectStatus(await api.get(API_KEYS.auditor, '/v1/audit/public-key'), 200).body as { verifierKey: string };
      const lines = await exported(API_KEYS.auditor);
      expect(JSON.parse(lines.at(-1) ?? '{}')).toMatchObject({ record: 'checkpoint' });
      expect(await verifyOffline(lines, verifierKey)).toEqual({ code: 0, result: expect.objectContaining({ ok: true, firstBroken: null }) });

      const target = lines.findIndex((line) => JSON.parse(line).record === 'entry');
      const tampered = lines.map((line, i) => (i === target ? JSON.stringify({ ...JSON.parse(line), payload: { forged: true } }) : line));
      const seq = JSON.parse(lines[target] ?? '{}').seq as number;
      expect(await verifyOffline(tampered, verifierKey)).toEqual({
        code: 1,
        result: expect.objectContaining({ ok: false, firstBroken: { seq, reason: 'payload-digest' } }),
      });
    });

    it('verifies an export of a range against the latest checkpoint, and names the seq of a changed entry', async () => {
      const { verifierKey } = expectStatus(await api.get(API_KEYS.auditor, '/v1/audit/public-key'), 200).body as { verifierKey: string };
      const first = Math.min(...entries.map((entry) => entry.seq));
      const last = Math.max(...entries.map((entry) => entry.seq));
      const lines = await exported(API_KEYS.auditor, `?from=${first}&to=${last + 1}`);
      const records = lines.map((line) => JSON.parse(line) as { record: string; seq?: number });
      expect(records.filter((record) => record.record === 'entry').map((record) => record.seq)).toEqual(
        Array.from({ length: last + 1 - first }, (_, i) => first + i),
      );
      expect(records.slice(-2).map((record) => record.record)).toEqual(['checkpoint', 'range-proof']);
      expect(await verifyOffline(lines, verifierKey)).toEqual({ code: 0, result: expect.objectContaining({ ok: true, checked: last + 1 - first }) });

      const target = lines.findIndex((line) => JSON.parse(line).seq === last);
      const tampered = lines.map((line, i) => (i === target ? JSON.stringify({ ...JSON.parse(line), actor: { kind: 'client', id: 'forged' } }) : line));
      expect(await verifyOffline(tampered, verifierKey)).toEqual({
        code: 1,
        result: expect.objectContaining({ ok: false, firstBroken: { seq: last, reason: 'hash' } }),
      });
    });

    it('refuses a range beyond the latest checkpoint, naming the field', async () => {
      const size = expectStatus(await api.get(API_KEYS.auditor, '/v1/audit/checkpoints?limit=1'), 200).body.items[0].treeSize as number;
      // Later checkpoints only grow, so a range far past this one stays beyond the latest.
      const response = await api.get(API_KEYS.auditor, `/v1/audit/export?from=0&to=${size + 1_000_000}`);
      expect(response.status).toBe(422);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(['to']);
      const onlyFrom = await api.get(API_KEYS.auditor, `/v1/audit/export?from=${size + 1_000_000}`);
      expect(onlyFrom.status).toBe(422);
      expect(onlyFrom.body.errors.map((error: { field: string }) => error.field)).toEqual(['from']);
    });

    it("verifies an organisation's export, whose other entries are stubs", async () => {
      const { verifierKey } = expectStatus(await api.get(API_KEYS.mitAuditor, '/v1/audit/public-key'), 200).body as { verifierKey: string };
      const lines = await exported(API_KEYS.mitAuditor);
      expect(lines.some((line) => JSON.parse(line).record === 'entry-stub')).toBe(true);
      expect((await verifyOffline(lines, verifierKey)).code).toBe(0);
    });
  });

  it('refuses agents', async () => {
    for (const path of ['/v1/audit/entries', `/v1/audit/complaints/${complaint.id}`, '/v1/audit/checkpoint', '/v1/audit/verify']) {
      expect((await api.get(API_KEYS.agent, path)).status).toBe(403);
    }
  });
});
