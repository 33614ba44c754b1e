import {
  leafHash,
  parseVerifierKey,
  verifyCheckpoint,
  verifyConsistency,
  verifyInclusion,
} from '@complaints/transparency-log';
import { waitFor } from '@complaints/testing';
import { MikroORM } from '@mikro-orm/postgresql';
import { AppendEvents } from '../src/register/append-events';
import { ComplaintEntries } from '../src/register/complaint-entries';
import { LatestCheckpoint } from '../src/register/latest-checkpoint';
import { ListCheckpoints } from '../src/register/list-checkpoints';
import { ListEntries } from '../src/register/list-entries';
import { ProveConsistency } from '../src/register/prove-consistency';
import { ProveInclusion } from '../src/register/prove-inclusion';
import { RegisterPublicKeyQuery } from '../src/register/register-public-key';
import { VerifyRegister } from '../src/register/verify-register';
import { AuditFixture, TestComplaint } from './audit-fixture';

const hex = (value: string): Uint8Array => Uint8Array.from(Buffer.from(value, 'hex'));


/** The platform's auditor sees every entry in full. */
const PLATFORM_AUDITOR = { name: 'auditor', role: 'auditor', organisationId: '*' } as const;
describe('the audit register', () => {
  let fixture: AuditFixture;

  beforeAll(async () => {
    fixture = await AuditFixture.start();
  }, 30_000);
  afterAll(() => fixture?.stop());

  const size = async (): Promise<number> => {
    const [row] = await fixture.query<{ size: string }>(`select size from audit.register_head`);
    return Number(row?.size);
  };
  const entriesOf = (complaint: TestComplaint) => fixture.use(ComplaintEntries).execute({ principal: PLATFORM_AUDITOR, complaintId: complaint.id });

  it('records each event from every stream as one entry, chained in order, with its reference carried forward', async () => {
    const complaint = new TestComplaint();
    const events = [complaint.received(), complaint.acknowledged(), complaint.clockWarning(), complaint.surveyAnswered()];
    for (const event of events) {
      const before = await size();
      await fixture.publish(event);
      await waitFor(`${event.type} in the register`, async () => (await size()) > before);
    }

    const { items } = await entriesOf(complaint);
    expect(items.map((entry) => [entry.type, entry.reference, entry.policyId])).toEqual([
      ['complaint.received', complaint.reference, 'mimo'],
      ['complaint.acknowledged', complaint.reference, 'mimo'],
      ['sla.clock-warning', complaint.reference, 'mimo'],
      ['survey.answered', complaint.reference, 'mimo'],
    ]);
    expect(items.map((entry) => entry.eventId)).toEqual(events.map((event) => event.id));
    items.forEach((entry, i) => {
      if (i > 0) expect(entry.prevHash).toBe(items[i - 1]?.hash);
      expect(entry.payload).toEqual(events[i]?.data);
    });
    expect(items.map((entry) => entry.seq)).toEqual([...items.keys()].map((i) => (items[0]?.seq ?? 0) + i));
  });

  it('never records a redelivered event twice, even when its inbox row is gone', async () => {
    const complaint = new TestComplaint();
    const received = complaint.received();
    await fixture.publish(received);
    await waitFor('the receipt in the register', async () => (await entriesOf(complaint).catch(() => undefined))?.items.length === 1);

    await fixture.replay(received);
    await fixture.query(`delete from audit.inbox where event_id = ?`, [received.id]);
    await fixture.replay(received);
    const acknowledged = complaint.acknowledged();
    await fixture.publish(acknowledged);
    // The acknowledgement follows the replays on the same stream: once it is in, they were handled.
    await waitFor('the acknowledgement in the register', async () => (await entriesOf(complaint)).items.length >= 2);
    expect((await entriesOf(complaint)).items.map((entry) => entry.eventId)).toEqual([received.id, acknowledged.id]);
  });

  it('keeps one chain when appends race from many transactions at once', async () => {
    const complaint = new TestComplaint();
    const appendEvents = fixture.use(AppendEvents);
    const em = fixture.app.get(MikroORM).em;
    const events = Array.from({ length: 12 }, () => complaint.clockWarning());
    await Promise.all(events.map((event) => em.fork().transactional((tx) => appendEvents.execute(tx, [event], new Date()))));
    expect((await entriesOf(complaint)).items).toHaveLength(12);
    expect(await fixture.use(VerifyRegister).execute({ principal: PLATFORM_AUDITOR, from: 0 })).toEqual({
      ok: true,
      checked: await size(),
      firstBroken: null,
    });
  });

  it('appends a batch in one go: in order, each event once, the reference carried within the batch', async () => {
    const complaint = new TestComplaint();
    const [received, warning, acknowledged] = [complaint.received(), complaint.clockWarning(), complaint.acknowledged()];
    const before = await size();
    const em = fixture.app.get(MikroORM).em;
    const result = await em.fork().transactional((tx) =>
      fixture.use(AppendEvents).execute(tx, [received, warning, received, acknowledged, warning], new Date()),
    );
    expect(result.appended.map((event) => event.id)).toEqual([received.id, warning.id, acknowledged.id]);
    expect(result.size).toBe(before + 3);
    // The warning carries no reference: the receipt before it in the same batch gives it one.
    expect((await entriesOf(complaint)).items.map((entry) => [entry.type, entry.reference])).toEqual([
      ['complaint.received', complaint.reference],
      ['sla.clock-warning', complaint.reference],
      ['complaint.acknowledged', complaint.reference],
    ]);
    const again = await em.fork().transactional((tx) => fixture.use(AppendEvents).execute(tx, [acknowledged, warning], new Date()));
    expect(again).toEqual({ appended: [], size: before + 3 });
  });

  it('pages entries by filter, in seq order', async () => {
    const principal = PLATFORM_AUDITOR;
    const listEntries = fixture.use(ListEntries);
    const first = await listEntries.execute({ principal, filter: { type: 'complaint.received' }, limit: 1 });
    expect(first.items.map((entry) => ('type' in entry ? entry.type : undefined))).toEqual(['complaint.received']);
    expect(first.nextCursor).not.toBeNull();
    const second = await listEntries.execute({ principal, filter: { type: 'complaint.received' }, cursor: first.nextCursor ?? undefined, limit: 10 });
    expect(second.items.length).toBeGreaterThan(0);
    expect(second.items.every((entry) => entry.seq > (first.items[0]?.seq ?? 0) && 'type' in entry && entry.type === 'complaint.received')).toBe(true);
  });

  it('signs checkpoints that verify with the published key, with inclusion and consistency proofs that verify', async () => {
    const principal = PLATFORM_AUDITOR;
    const registerSize = await size();
    const latest = await waitFor('a checkpoint of the whole register', async () => {
      const checkpoint = await fixture.use(LatestCheckpoint).execute().catch(() => undefined);
      return checkpoint && checkpoint.treeSize === registerSize && checkpoint;
    });
    const key = fixture.use(RegisterPublicKeyQuery).execute();
    expect(key).toMatchObject({ name: AuditFixture.origin, algorithm: 'ed25519' });
    const verifier = parseVerifierKey(key.verifierKey);
    expect(Buffer.from(verifier.publicKey).toString('base64')).toBe(key.publicKey);
    const signed = verifyCheckpoint(latest.note, verifier, AuditFixture.origin);
    expect(signed.treeSize).toBe(registerSize);
    expect(Buffer.from(signed.rootHash).toString('hex')).toBe(latest.rootHash);

    const { items } = await fixture.use(ListEntries).execute({ principal, filter: {}, limit: 500 });
    for (const entry of items) {
      const proof = await fixture.use(ProveInclusion).execute({ principal, index: entry.seq });
      expect(proof.leafHash).toBe(Buffer.from(leafHash(hex(entry.hash))).toString('hex'));
      expect(proof.rootHash).toBe(latest.rootHash);
      expect(verifyInclusion({ leafHash: hex(proof.leafHash), index: entry.seq, treeSize: proof.treeSize, proof: proof.proof.map(hex), rootHash: signed.rootHash })).toBe(true);
    }

    const page = await fixture.use(ListCheckpoints).execute({ principal, limit: 100 });
    expect(page.items[0]).toEqual(latest);
    for (const earlier of page.items.slice(1)) {
      const consistency = await fixture.use(ProveConsistency).execute({ principal, from: earlier.treeSize });
      expect(consistency).toMatchObject({ from: earlier.treeSize, to: registerSize, fromRoot: earlier.rootHash, toRoot: latest.rootHash });
      const claim = { fromSize: earlier.treeSize, toSize: registerSize, fromRoot: hex(earlier.rootHash), toRoot: signed.rootHash, proof: consistency.proof.map(hex) };
      expect(verifyConsistency(claim)).toBe(true);
    }
    expect(page.items.length).toBeGreaterThan(2);
  });

  it('refuses a proof for a tree the register has not reached, naming the field', async () => {
    const principal = PLATFORM_AUDITOR;
    const beyond = (await size()) + 10;
    await expect(fixture.use(ProveInclusion).execute({ principal, index: 0, treeSize: beyond })).rejects.toMatchObject({
      code: 'invalid',
      fieldErrors: [{ field: 'treeSize', message: expect.any(String) }],
    });
    await expect(fixture.use(ProveConsistency).execute({ principal, from: 1, to: beyond })).rejects.toMatchObject({
      fieldErrors: [{ field: 'to', message: expect.any(String) }],
    });
  });

  // Last: the proofs above check every entry, and a burst would only slow them down.
  it('records a burst from the streams once each, in order per stream, with a chain and tree that verify', async () => {
    const complaints = Array.from({ length: 20 }, () => new TestComplaint());
    const receipts = complaints.map((complaint) => complaint.received());
    const acknowledgements = complaints.map((complaint) => complaint.acknowledged());
    const before = await size();
    await Promise.all([fixture.publish(...receipts, ...acknowledgements), fixture.publish(...complaints.map((c) => c.clockWarning()))]);
    await waitFor('the burst in the register', async () => (await size()) === before + 60, 30_000);

    const ids = [...receipts, ...acknowledgements].map((event) => event.id);
    const rows = await fixture.query<{ event_id: string }>(`select event_id from audit.entries where event_id = any(?::uuid[]) order by seq`, [`{${ids.join(',')}}`]);
    expect(rows.map((row) => row.event_id)).toEqual(ids);
    expect(await fixture.use(VerifyRegister).execute({ principal: PLATFORM_AUDITOR, from: 0 })).toEqual({ ok: true, checked: before + 60, firstBroken: null });
  }, 60_000);
});
