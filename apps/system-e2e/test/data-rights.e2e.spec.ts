import { waitFor } from '@complaints/testing';
import { expectStatus, problemFields } from './support/api-client';
import { newComplaint } from './support/complaint-bodies';
import { API_KEYS } from './support/running-system';
import { publishRuntimeCopy } from './support/runtime-policy';
import { systemForFile } from './support/system-for-file';

interface Complaint {
  id: string;
  reference: string;
  status: string;
  contact?: { customer: { email?: string } };
  personalDataErasedAt: string | null;
  legalHoldSince: string | null;
}

/**
 * A customer's data rights through the gateway, as an organisation's admin exercises them:
 * an export of everything held about them, an erasure that destroys the data keys, legal
 * holds, and erasure when the policy's retention after closure ends.
 */
describe('data rights', () => {
  const sut = systemForFile(['gateway', 'intake', 'sla', 'audit', 'notifications', 'feedback']);
  const { api } = sut;

  beforeAll(() =>
    publishRuntimeCopy(api, 'mimo', {
      id: 'mimo-retention-e2e',
      name: 'Mimo, personal data kept two seconds after closure',
      targets: {},
      overrides: () => ({ retention: { minimum: { amount: 2, unit: 'seconds' } } }),
    }),
  );

  async function complaintFor(email: string, policyId = 'mimo'): Promise<Complaint> {
    const body = newComplaint({ policyId, customer: { name: 'Grace Hopper', email, locale: 'en' } });
    return expectStatus(await api.create(API_KEYS.mimoSubmitter, body), 201).body as Complaint;
  }
  const asAgent = async (id: string) =>
    expectStatus(await api.get(API_KEYS.mimoAgent, `/v1/complaints/${id}`), 200).body as Complaint;

  it("exports one customer's complaints to their organisation's admin only", async () => {
    const first = await complaintFor('grace.export@example.org');
    expectStatus(
      await api.command(API_KEYS.mimoAgent, first.id, 'acknowledge', {
        note: 'Phoned Grace about the parcel',
      }),
      200,
    );
    await complaintFor('someone.else@example.org');

    // With the messages notifications prepared for them (no mail server listens here: they wait to be retried).
    const exported = await waitFor(
      'the export with the messages',
      async () => {
        const body = expectStatus(
          await api.get(API_KEYS.mimoAdmin, '/v1/customers/data?email=GRACE.export@example.org'),
          200,
        ).body;
        return body.complaints[0]?.messages.length > 0 && body;
      },
      20_000,
    );
    expect(exported.complaints).toHaveLength(1);
    expect(exported.complaints[0].messages[0]).toMatchObject({ channel: 'email', recipient: 'customer' });
    expect(exported.complaints[0].surveys).toEqual([]);
    expect(exported.complaints[0].complaint).toMatchObject({
      id: first.id,
      contact: { customer: { email: 'grace.export@example.org' } },
    });
    expect(exported.complaints[0].history.map((entry: { note: string | null }) => entry.note)).toContain(
      'Phoned Grace about the parcel',
    );
    expect(JSON.stringify(exported)).not.toContain('someone.else');

    expect(
      expectStatus(await api.get(API_KEYS.mitAdmin, '/v1/customers/data?email=grace.export@example.org'), 200)
        .body.complaints,
    ).toEqual([]);
    expect(
      (await api.get(API_KEYS.mimoAgent, '/v1/customers/data?email=grace.export@example.org')).status,
    ).toBe(403);
    const invalid = await api.get(API_KEYS.mimoAdmin, '/v1/customers/data?email=not-an-address');
    expect(invalid.status).toBe(400);
    expect(problemFields(invalid)).toEqual(['email']);
  });

  it('erases by destroying the data keys: the complaint stays, its contact data is gone from every answer, the register still verifies', async () => {
    const complaint = await complaintFor('grace.erase@example.org');
    expectStatus(
      await api.command(API_KEYS.mimoAgent, complaint.id, 'acknowledge', {
        note: 'Call Grace on her mobile',
      }),
      200,
    );
    const report = expectStatus(
      await api.call('POST', '/v1/customers/erase', {
        key: API_KEYS.mimoAdmin,
        json: { email: 'grace.erase@example.org' },
      }),
      200,
    ).body;
    expect(report).toEqual({
      erased: [{ complaintId: complaint.id, reference: complaint.reference }],
      held: [],
      alreadyErased: [],
    });

    const after = await asAgent(complaint.id);
    expect(after.personalDataErasedAt).not.toBeNull();
    expect(after.contact).toBeUndefined();
    const timeline = expectStatus(
      await api.get(API_KEYS.mimoAgent, `/v1/complaints/${complaint.id}/timeline`),
      200,
    ).body;
    expect(timeline.entries.map((entry: { type: string }) => entry.type)).toContain(
      'complaint.personal-data-erased',
    );
    const exported = expectStatus(
      await api.get(API_KEYS.mimoAdmin, '/v1/customers/data?email=grace.erase@example.org'),
      200,
    ).body;
    // Only the address the admin asked with is echoed; nothing intake held is readable any more.
    expect(exported.complaints[0].complaint.contact).toBeUndefined();
    expect(JSON.stringify(exported)).not.toContain('Call Grace');

    await waitFor(
      'the erasure in the register',
      async () => {
        const entries = await api.get(API_KEYS.mimoAuditor, `/v1/audit/complaints/${complaint.id}`);
        return (
          entries.status === 200 &&
          entries.body.items.some(
            (entry: { type: string }) => entry.type === 'complaint.personal-data-erased',
          )
        );
      },
      20_000,
    );
    expect(expectStatus(await api.get(API_KEYS.auditor, '/v1/audit/verify'), 200).body).toMatchObject({
      ok: true,
    });
  });

  it('keeps a complaint under a legal hold from erasure, and lets only its own organisation place one', async () => {
    const complaint = await complaintFor('grace.hold@example.org');
    const holdPath = `/v1/complaints/${complaint.id}/legal-hold`;
    expect(
      (await api.call('PUT', holdPath, { key: API_KEYS.mitAdmin, json: { reason: 'Not ours' } })).status,
    ).toBe(404);
    expect(
      (await api.call('PUT', holdPath, { key: API_KEYS.mimoAgent, json: { reason: 'Agents cannot' } }))
        .status,
    ).toBe(403);
    expect(
      problemFields(
        expectStatus(await api.call('PUT', holdPath, { key: API_KEYS.mimoAdmin, json: {} }), 400),
      ),
    ).toEqual(['reason']);
    const held = expectStatus(
      await api.call('PUT', holdPath, { key: API_KEYS.mimoAdmin, json: { reason: 'Court order 2026/41' } }),
      200,
    ).body;
    expect(held.legalHoldSince).not.toBeNull();
    expect(
      (await api.call('PUT', holdPath, { key: API_KEYS.mimoAdmin, json: { reason: 'Twice' } })).status,
    ).toBe(409);

    const report = expectStatus(
      await api.call('POST', '/v1/customers/erase', {
        key: API_KEYS.mimoAdmin,
        json: { complaintId: complaint.id },
      }),
      200,
    ).body;
    expect(report.held).toEqual([
      { complaintId: complaint.id, reference: complaint.reference, legalHoldSince: held.legalHoldSince },
    ]);
    expect((await asAgent(complaint.id)).contact?.customer.email).toBe('grace.hold@example.org');

    expect(
      expectStatus(await api.call('DELETE', holdPath, { key: API_KEYS.mimoAdmin }), 200).body.legalHoldSince,
    ).toBeNull();
    expect((await api.call('DELETE', holdPath, { key: API_KEYS.mimoAdmin })).status).toBe(409);
  });

  it("erases a closed complaint's contact data on its own when the policy's retention ends, unless it is held", async () => {
    const closedAndDue = await complaintFor('grace.retention@example.org', 'mimo-retention-e2e');
    const closedAndHeld = await complaintFor('grace.retention.held@example.org', 'mimo-retention-e2e');
    expectStatus(
      await api.call('PUT', `/v1/complaints/${closedAndHeld.id}/legal-hold`, {
        key: API_KEYS.mimoAdmin,
        json: { reason: 'Audit' },
      }),
      200,
    );
    for (const { id } of [closedAndDue, closedAndHeld]) {
      expectStatus(await api.command(API_KEYS.mimoAgent, id, 'acknowledge', {}), 200);
      expectStatus(await api.command(API_KEYS.mimoAgent, id, 'resolve', {}), 200);
      expectStatus(await api.command(API_KEYS.mimoAgent, id, 'close', { reason: 'confirmed' }), 200);
    }
    const erased = await waitFor(
      'the retention sweep',
      async () => {
        const now = await asAgent(closedAndDue.id);
        return now.personalDataErasedAt !== null && now;
      },
      15_000,
    );
    expect(erased.contact).toBeUndefined();
    const kept = await asAgent(closedAndHeld.id);
    expect(kept).toMatchObject({
      personalDataErasedAt: null,
      contact: { customer: { email: 'grace.retention.held@example.org' } },
    });
  });

  it("purges the register's payloads of a closed complaint when its retention ends, records the purge, and still verifies", async () => {
    const entriesOf = async (id: string) =>
      expectStatus(await api.get(API_KEYS.mimoAuditor, `/v1/audit/complaints/${id}`), 200).body.items as {
        seq: number;
        type: string;
        payload: unknown;
      }[];
    const [due, held] = await Promise.all([
      complaintFor('grace.register@example.org', 'mimo-retention-e2e'),
      complaintFor('grace.register.held@example.org', 'mimo-retention-e2e'),
    ]);
    expectStatus(
      await api.call('PUT', `/v1/complaints/${held.id}/legal-hold`, {
        key: API_KEYS.mimoAdmin,
        json: { reason: 'Audit' },
      }),
      200,
    );
    for (const { id } of [due, held]) {
      expectStatus(await api.command(API_KEYS.mimoAgent, id, 'acknowledge', {}), 200);
      expectStatus(await api.command(API_KEYS.mimoAgent, id, 'resolve', {}), 200);
      expectStatus(await api.command(API_KEYS.mimoAgent, id, 'close', { reason: 'confirmed' }), 200);
    }
    const purged = await waitFor(
      'the register to purge the payloads',
      async () => {
        const entries = await entriesOf(due.id);
        return entries.some((entry) => entry.type === 'register.payloads-purged') && entries;
      },
      20_000,
    );
    const purge = purged.find((entry) => entry.type === 'register.payloads-purged');
    const before = purged.filter((entry) => entry.seq < (purge?.seq ?? 0));
    expect(before.map((entry) => entry.type)).toContain('complaint.closed');
    // Purged by the retention job up to throughSeq; anything recorded after it is stored without one.
    expect(before.every((entry) => entry.payload === null)).toBe(true);
    const throughSeq = Number((purge?.payload as { throughSeq: number } | undefined)?.throughSeq);
    expect(purge?.payload).toMatchObject({
      policyId: 'mimo-retention-e2e',
      purged: before.filter((entry) => entry.seq <= throughSeq).length,
      reference: due.reference,
    });

    const heldEntries = await entriesOf(held.id);
    expect(heldEntries.map((entry) => entry.type)).not.toContain('register.payloads-purged');
    expect(heldEntries.every((entry) => entry.payload !== null)).toBe(true);
    expect(expectStatus(await api.get(API_KEYS.auditor, '/v1/audit/verify'), 200).body).toMatchObject({
      ok: true,
    });
  });
});
