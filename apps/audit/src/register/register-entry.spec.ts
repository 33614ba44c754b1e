import { Envelope } from '@complaints/contracts';
import { createHash } from 'node:crypto';
import { GENESIS_HASH, entryHash, nextEntry, payloadDigest } from './register-entry';

const received: Envelope = {
  id: '0192f0a4-0000-7000-8000-000000000001',
  type: 'complaint.received',
  version: 1,
  occurredAt: '2026-11-20T17:30:00+01:00',
  complaintId: '0192f0a4-0000-7000-8000-0000000000aa',
  actor: { kind: 'client', id: 'dev-submitter' },
  data: { reference: 'MIMO-2026-000001', policyId: 'mimo', policyVersion: 1 },
};
const recordedAt = new Date('2026-11-20T16:30:01.250Z');

describe('register entries', () => {
  it('records an event after the head, with its reference, policy and payload digest', () => {
    const entry = nextEntry({ size: 0, lastHash: GENESIS_HASH }, received, recordedAt, null);
    expect(entry).toEqual({
      seq: 0,
      eventId: received.id,
      type: 'complaint.received',
      version: 1,
      occurredAt: '2026-11-20T16:30:00.000Z',
      recordedAt: '2026-11-20T16:30:01.250Z',
      complaintId: received.complaintId,
      reference: 'MIMO-2026-000001',
      policyId: 'mimo',
      actor: { kind: 'client', id: 'dev-submitter' },
      payloadDigest: payloadDigest(received.data),
      prevHash: GENESIS_HASH,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('hashes the previous hash bytes, then the canonical JSON of the fields, keys sorted', () => {
    const entry = nextEntry({ size: 0, lastHash: GENESIS_HASH }, received, recordedAt, null);
    const canonical =
      '{"actor":{"id":"dev-submitter","kind":"client"},"complaintId":"0192f0a4-0000-7000-8000-0000000000aa",' +
      '"eventId":"0192f0a4-0000-7000-8000-000000000001","occurredAt":"2026-11-20T16:30:00.000Z",' +
      `"payloadDigest":"${entry.payloadDigest}","policyId":"mimo","prevHash":"${GENESIS_HASH}",` +
      '"recordedAt":"2026-11-20T16:30:01.250Z","reference":"MIMO-2026-000001","seq":0,"type":"complaint.received","version":1}';
    const expected = createHash('sha256').update(Buffer.alloc(32)).update(canonical).digest('hex');
    expect(entry.hash).toBe(expected);
    expect(entryHash(entry)).toBe(expected);
  });

  it('digests the same data to the same value whatever its key order', () => {
    expect(payloadDigest({ b: 1, a: { d: 2, c: 3 } })).toBe(payloadDigest({ a: { c: 3, d: 2 }, b: 1 }));
    expect(payloadDigest({ a: 1 })).not.toBe(payloadDigest({ a: 2 }));
  });

  it("takes an earlier entry's reference when the event carries none", () => {
    const clockEvent: Envelope = { ...received, type: 'sla.clock-warning', data: { policyId: 'mimo', metric: 'resolution' } };
    const entry = nextEntry({ size: 4, lastHash: 'ab'.repeat(32) }, clockEvent, recordedAt, 'MIMO-2026-000001');
    expect(entry).toMatchObject({ seq: 4, reference: 'MIMO-2026-000001', prevHash: 'ab'.repeat(32) });
  });

  it('changes the hash when any hashed field changes', () => {
    const entry = nextEntry({ size: 0, lastHash: GENESIS_HASH }, received, recordedAt, null);
    expect(entryHash({ ...entry, actor: { kind: 'client', id: 'someone-else' } })).not.toBe(entry.hash);
    expect(entryHash({ ...entry, seq: 1 })).not.toBe(entry.hash);
    expect(entryHash({ ...entry, prevHash: 'ff'.repeat(32) })).not.toBe(entry.hash);
  });
});
