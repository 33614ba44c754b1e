import { Envelope } from '@complaints/contracts';
import { StoredEntry, firstChainBreak } from './chain-check';
import { GENESIS_HASH, RegisterHead, nextEntry } from './register-entry';

function register(length: number): StoredEntry[] {
  const entries: StoredEntry[] = [];
  let head: RegisterHead = { size: 0, lastHash: GENESIS_HASH };
  for (let i = 0; i < length; i += 1) {
    const data = { reference: 'MIMO-2026-000001', step: i };
    const event: Envelope = {
      id: `0192f0a4-0000-7000-8000-${String(i).padStart(12, '0')}`,
      type: 'complaint.acknowledged',
      version: 1,
      occurredAt: new Date(Date.UTC(2026, 10, 20, 9, i)).toISOString(),
      complaintId: '0192f0a4-0000-7000-8000-0000000000aa',
      actor: { kind: 'client', id: 'dev-agent' },
      data,
    };
    const entry = nextEntry(head, event, new Date(Date.UTC(2026, 10, 20, 10, i)), null);
    entries.push({ entry, payload: data });
    head = { size: head.size + 1, lastHash: entry.hash };
  }
  return entries;
}

const whole = (entries: readonly StoredEntry[]) => ({ from: 0, to: entries.length });

describe(firstChainBreak.name, () => {
  const entries = register(6);

  it('finds nothing wrong with an intact register, whole or from the middle', () => {
    expect(firstChainBreak(entries, whole(entries), GENESIS_HASH)).toBeNull();
    const prev = entries[2]?.entry.hash ?? '';
    expect(firstChainBreak(entries.slice(3), { from: 3, to: 6 }, prev)).toBeNull();
  });

  it('accepts a purged payload', () => {
    const purged = entries.map((stored, i) => (i === 2 ? { ...stored, payload: null } : stored));
    expect(firstChainBreak(purged, whole(entries), GENESIS_HASH)).toBeNull();
  });

  it('reports a changed payload at its seq', () => {
    const changed = entries.map((stored, i) => (i === 3 ? { ...stored, payload: { reference: 'MIMO-2026-000001', step: 99 } } : stored));
    expect(firstChainBreak(changed, whole(entries), GENESIS_HASH)).toEqual({ seq: 3, reason: 'payload-digest' });
  });

  it('reports a changed field at its seq, once', () => {
    const changed = entries.map((stored, i) =>
      i === 2 ? { ...stored, entry: { ...stored.entry, actor: { kind: 'client' as const, id: 'mallory' } } } : stored,
    );
    expect(firstChainBreak(changed, whole(entries), GENESIS_HASH)).toEqual({ seq: 2, reason: 'hash' });
  });

  it('reports a deleted entry at the missing seq, also at the end', () => {
    expect(firstChainBreak(entries.filter((_, i) => i !== 4), whole(entries), GENESIS_HASH)).toEqual({ seq: 4, reason: 'seq' });
    expect(firstChainBreak(entries.slice(0, 5), whole(entries), GENESIS_HASH)).toEqual({ seq: 5, reason: 'seq' });
  });

  it('reports two swapped entries at the first of them', () => {
    const [a, b] = [entries[1], entries[2]];
    if (!a || !b) throw new Error('register too short');
    const swapped = [entries[0], { ...b, entry: { ...b.entry, seq: 1 } }, { ...a, entry: { ...a.entry, seq: 2 } }, ...entries.slice(3)];
    expect(firstChainBreak(swapped.filter((e) => e !== undefined), whole(entries), GENESIS_HASH)).toEqual({ seq: 1, reason: 'prev-hash' });
  });

  it('reports an entry rehashed after a change at the entry after it, whose link no longer matches', () => {
    const stored = entries[2];
    if (!stored) throw new Error('register too short');
    const forged = nextEntry({ size: 2, lastHash: stored.entry.prevHash }, {
      id: stored.entry.eventId, type: stored.entry.type, version: 1, occurredAt: stored.entry.occurredAt,
      complaintId: stored.entry.complaintId, actor: { kind: 'client', id: 'mallory' }, data: stored.payload,
    }, new Date(stored.entry.recordedAt), null);
    const changed = entries.map((e, i) => (i === 2 ? { entry: forged, payload: stored.payload } : e));
    expect(firstChainBreak(changed, whole(entries), GENESIS_HASH)).toEqual({ seq: 3, reason: 'prev-hash' });
  });
});
