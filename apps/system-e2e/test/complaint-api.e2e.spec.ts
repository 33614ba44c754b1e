import { randomUUID } from 'node:crypto';
import { ApiResponse, expectStatus, problemFields } from './support/api-client';
import { newComplaint } from './support/complaint-bodies';
import { API_KEYS } from './support/running-system';
import { systemForFile } from './support/system-for-file';

/*
 * The complaint API as its clients see it: every route and every role, through the real
 * gateway and intake processes over HTTP, against PostgreSQL and NATS. Only gateway and
 * intake run, so nothing else changes a complaint behind the test's back.
 */

const REFERENCE = /^[A-Z][A-Z0-9]{1,9}-\d{4}-\d{6,}$/;
const PROBLEM_JSON = /^application\/problem\+json/;
const IN_TEN_DAYS = () => new Date(Date.now() + 10 * 24 * 3600_000).toISOString();

describe('the complaint API', () => {
  const sut = systemForFile(['gateway', 'intake']);
  const { api } = sut;

  /** Creates a complaint as `key` and returns its view; any other answer fails the test with the problem. */
  async function created(key: string, overrides: Record<string, unknown> = {}) {
    return expectStatus(await api.create(key, newComplaint(overrides)), 201).body;
  }

  /** Runs lifecycle commands in order as the agent; each must succeed. Returns the last view. */
  async function run(id: string, ...steps: [action: string, body?: unknown][]) {
    let view: ApiResponse['body'];
    for (const [action, body] of steps) view = expectStatus(await api.command(API_KEYS.agent, id, action, body ?? {}), 200).body;
    return view;
  }

  function expectProblem(response: ApiResponse, status: number): void {
    expect({ status: response.status, contentType: response.contentType }).toEqual({ status, contentType: expect.stringMatching(PROBLEM_JSON) });
    expect(response.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
  }

  describe('POST /v1/complaints', () => {
    it('answers 201 with a Location, a reference and status received; contact data only for an agent', async () => {
      const submitterAnswer = expectStatus(await api.create(API_KEYS.alice, newComplaint()), 201);
      const complaint = submitterAnswer.body;
      expect(submitterAnswer.headers.get('location')).toBe(`/v1/complaints/${complaint.id}`);
      expect(complaint).toMatchObject({
        policyId: 'mimo',
        policyVersion: 1,
        kind: 'complaint',
        channel: 'email',
        status: 'received',
        escalationLevel: 1,
        submittedBy: 'alice',
      });
      expect(complaint.reference).toMatch(REFERENCE);
      // The first Mimo complaint of the year in this database; the year is the receipt's in the policy's zone (UTC).
      expect(complaint.reference).toBe(`MIMO-${new Date(complaint.receivedAt).getUTCFullYear()}-000001`);
      expect(complaint).not.toHaveProperty('contact');

      const agentView = await created(API_KEYS.agent);
      const body = newComplaint();
      expect(agentView.contact).toEqual({ customer: body['customer'], subject: body['subject'], description: body['description'] });
      expect(agentView.reference).toBe(complaint.reference.replace(/1$/, '2'));
    });

    it('requires an Idempotency-Key and names the header when it is missing', async () => {
      const missing = await api.call('POST', '/v1/complaints', { key: API_KEYS.alice, json: newComplaint() });
      expectProblem(missing, 400);
      expect(missing.body.detail).toContain('Idempotency-Key');
      expect(problemFields(missing)).toEqual(['Idempotency-Key']);
    });

    it('replays the first result for the same key and body, whatever the order of its fields', async () => {
      const key = randomUUID();
      const first = expectStatus(await api.create(API_KEYS.alice, newComplaint(), key), 201);
      const again = await api.create(API_KEYS.alice, newComplaint(), key);
      // The same body with its fields in another order is the same request.
      const reordered = await api.create(API_KEYS.alice, Object.fromEntries(Object.entries(newComplaint()).reverse()), key);
      for (const replay of [again, reordered]) {
        expect([200, 201]).toContain(replay.status);
        expect(replay.body).toEqual(first.body);
      }
    });

    it('refuses the same key with another body with 422, and scopes keys per client', async () => {
      const key = randomUUID();
      const first = expectStatus(await api.create(API_KEYS.alice, newComplaint(), key), 201);
      const other = await api.create(API_KEYS.alice, newComplaint({ subject: 'Something else entirely' }), key);
      expectProblem(other, 422);
      expect(problemFields(other)).toEqual(['Idempotency-Key']);

      // Bob choosing the same key by chance is a different request: keys are per client.
      const bobs = expectStatus(await api.create(API_KEYS.bob, newComplaint(), key), 201);
      expect(bobs.body.id).not.toBe(first.body.id);
    });

    it('lets an agent give the first contact, and refuses it from a submitter with 403', async () => {
      const firstContactAt = new Date(Date.now() - 2 * 3600_000).toISOString();
      const submitter = await api.create(API_KEYS.alice, newComplaint({ policyId: 'imolocale', firstContactAt }));
      expectProblem(submitter, 403);
      expect(problemFields(submitter)).toEqual(['firstContactAt']);
      const agent = await created(API_KEYS.agent, { policyId: 'imolocale', firstContactAt });
      expect(agent.firstContactAt).toBe(firstContactAt);
    });

    it('lets an agent back-date receivedAt, and refuses it from a submitter with 403', async () => {
      const backDated = { receivedAt: '2025-12-31T23:30:00-01:00' };
      const submitter = await api.create(API_KEYS.alice, newComplaint(backDated));
      expectProblem(submitter, 403);
      expect(problemFields(submitter)).toEqual(['receivedAt']);

      const agent = await created(API_KEYS.agent, backDated);
      expect(agent.receivedAt).toBe('2026-01-01T00:30:00.000Z');
      // The reference's year is that of the receipt (UTC for Mimo), not of the day it was typed in.
      expect(agent.reference).toMatch(/^MIMO-2026-/);
      const lastYear = await created(API_KEYS.agent, { receivedAt: '2025-06-30T12:00:00+02:00' });
      expect(lastYear.reference).toBe('MIMO-2025-000001');
    });

    it.each([
      ['an auditor', API_KEYS.auditor],
      ['an admin', API_KEYS.admin],
    ])('refuses %s with 403', async (_who, key) => {
      expectProblem(await api.create(key, newComplaint()), 403);
    });
  });

  describe('GET /v1/complaints/:id', () => {
    let alicesId: string;

    beforeAll(async () => {
      alicesId = (await created(API_KEYS.alice)).id;
    });

    it('shows a submitter their own complaint without contact data', async () => {
      const own = expectStatus(await api.get(API_KEYS.alice, `/v1/complaints/${alicesId}`), 200);
      expect(own.body).toMatchObject({ id: alicesId, status: 'received', submittedBy: 'alice' });
      expect(own.body).not.toHaveProperty('contact');
    });

    it("answers 404, not 403, for another submitter's complaint, so its existence is not revealed", async () => {
      const bobs = await api.get(API_KEYS.bob, `/v1/complaints/${alicesId}`);
      expectProblem(bobs, 404);
      const unknown = await api.get(API_KEYS.bob, `/v1/complaints/${randomUUID()}`);
      expect(unknown.status).toBe(404);
      // Same answer apart from the request's own id and URL.
      expect(bobs.body.title).toBe(unknown.body.title);
    });

    it('shows an agent the contact data', async () => {
      const agents = expectStatus(await api.get(API_KEYS.agent, `/v1/complaints/${alicesId}`), 200);
      expect(agents.body.contact.customer).toEqual(newComplaint()['customer']);
    });

    it.each([
      ['an auditor', API_KEYS.auditor, 403],
      ['an admin', API_KEYS.admin, 403],
      ['nobody', '', 401],
    ])('refuses %s', async (_who, key, status) => {
      expectProblem(await api.call('GET', `/v1/complaints/${alicesId}`, { key }), status);
    });

    it('answers 400 naming the id when it is not a UUID, and 404 for an unknown one', async () => {
      const notUuid = await api.get(API_KEYS.agent, '/v1/complaints/not-a-uuid');
      expectProblem(notUuid, 400);
      expect(problemFields(notUuid)).toEqual(['id']);
      expectProblem(await api.get(API_KEYS.agent, `/v1/complaints/${randomUUID()}`), 404);
    });
  });

  describe('GET /v1/complaints', () => {
    it.each([
      ['a submitter', API_KEYS.alice],
      ['an auditor', API_KEYS.auditor],
    ])('is for agents only: %s gets 403', async (_who, key) => {
      expectProblem(await api.get(key, '/v1/complaints'), 403);
    });

    it('pages newest first with a cursor: 7 complaints by 3 are pages of 3, 3 and 1, without duplicates', async () => {
      // fca-disp is used by no other test in this file, so the filter isolates these seven.
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) ids.push((await created(API_KEYS.alice, { policyId: 'fca-disp', subject: `Complaint ${i}` })).id);

      const pages: string[][] = [];
      let cursor: string | null = null;
      do {
        const query = `/v1/complaints?policyId=fca-disp&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const page: { items: { id: string }[]; nextCursor: string | null } = expectStatus(await api.get(API_KEYS.agent, query), 200).body;
        pages.push(page.items.map((item) => item.id));
        // Lists carry no contact data: an agent opens a complaint for that.
        for (const item of page.items) expect(item).not.toHaveProperty('contact');
        cursor = page.nextCursor;
      } while (cursor !== null && pages.length < 10);

      expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
      expect(pages.flat()).toEqual([...ids].reverse());
    });

    it('filters by status, policy and kind', async () => {
      // cfpb takes complaints only and modmount inquiries too; neither is used for listing elsewhere.
      const acknowledged = await created(API_KEYS.agent, { policyId: 'cfpb' });
      await run(acknowledged.id, ['acknowledge']);
      const received = await created(API_KEYS.agent, { policyId: 'cfpb' });
      const inquiry = await created(API_KEYS.agent, { policyId: 'modmount', kind: 'inquiry' });

      const list = async (query: string) =>
        expectStatus(await api.get(API_KEYS.agent, `/v1/complaints?${query}`), 200).body.items.map((c: { id: string }) => c.id);
      expect(await list('policyId=cfpb')).toEqual([received.id, acknowledged.id]);
      expect(await list('policyId=cfpb&status=acknowledged')).toEqual([acknowledged.id]);
      expect(await list('policyId=cfpb&status=received')).toEqual([received.id]);
      expect(await list('policyId=cfpb&kind=inquiry')).toEqual([]);
      expect(await list('kind=inquiry')).toContain(inquiry.id);
      for (const item of expectStatus(await api.get(API_KEYS.agent, '/v1/complaints?status=acknowledged&limit=100'), 200).body.items) {
        expect(item.status).toBe('acknowledged');
      }
    });

    it.each([
      ['a cursor this API never issued', `cursor=${Buffer.from('v1:not-an-id').toString('base64url')}`, 'cursor'],
      ['garbage as the cursor', 'cursor=%%%garbage', 'cursor'],
      ['an unknown status', 'status=lost', 'status'],
      ['a limit of 0', 'limit=0', 'limit'],
      ['a limit over 100', 'limit=101', 'limit'],
      ['an unknown parameter', 'colour=blue', 'colour'],
    ])('answers a 4xx problem naming the parameter for %s', async (_what, query, field) => {
      const response = await api.get(API_KEYS.agent, `/v1/complaints?${query}`);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.contentType).toMatch(PROBLEM_JSON);
      expect(problemFields(response)).toContain(field);
    });
  });

  describe('GET /v1/complaints/:id/timeline', () => {
    it('lists every event on the complaint in order, without personal data', async () => {
      const complaint = await created(API_KEYS.alice);
      await run(
        complaint.id,
        ['acknowledge', { note: 'Thanks, looking into it' }],
        ['responses', { type: 'first_reply', channel: 'email', summary: 'Asked the carrier' }],
        ['request-info', { question: 'Which address?' }],
        ['customer-replies'],
        ['resolve', { summary: 'Refunded' }],
      );
      const timeline = expectStatus(await api.get(API_KEYS.agent, `/v1/complaints/${complaint.id}/timeline`), 200).body;
      expect(timeline.complaintId).toBe(complaint.id);
      expect(timeline.entries.map((entry: { type: string }) => entry.type)).toEqual([
        'complaint.received',
        'complaint.acknowledged',
        'complaint.response-sent',
        'complaint.info-requested',
        'complaint.customer-replied',
        'complaint.resolved',
      ]);
      expect(timeline.entries[0]).toMatchObject({ version: 1, actor: expect.objectContaining({ id: 'alice' }), data: { reference: complaint.reference } });
      expect(timeline.entries[2].data).toMatchObject({ responseType: 'first_reply', status: 'in_progress', previousStatus: 'acknowledged' });
      const times = timeline.entries.map((entry: { occurredAt: string }) => Date.parse(entry.occurredAt));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      const text = JSON.stringify(timeline);
      for (const secret of ['Ada Lovelace', 'ada.lovelace@example.org', 'Thanks, looking into it', 'Asked the carrier', 'Which address?', 'Refunded']) {
        expect(text).not.toContain(secret);
      }
    });

    it('is for agents only', async () => {
      const complaint = await created(API_KEYS.alice);
      expectProblem(await api.get(API_KEYS.alice, `/v1/complaints/${complaint.id}/timeline`), 403);
      expectProblem(await api.get(API_KEYS.agent, `/v1/complaints/${randomUUID()}/timeline`), 404);
    });
  });

  describe('lifecycle commands', () => {
    it('walks a Mimo complaint through every step to closed as confirmed', async () => {
      const { id } = await created(API_KEYS.alice);
      // Each step: the route, its body, the status after it and what else the view must show.
      const steps: [string, unknown, string, Record<string, unknown>][] = [
        ['acknowledge', { note: 'On it' }, 'acknowledged', { acknowledgedAt: expect.any(String) }],
        ['responses', { type: 'first_reply', channel: 'email' }, 'in_progress', {}],
        ['request-info', { question: 'Order number?' }, 'awaiting_customer', {}],
        ['responses', { type: 'interim' }, 'awaiting_customer', {}],
        ['customer-replies', { receivedAt: new Date(Date.now() - 60_000).toISOString() }, 'in_progress', {}],
        ['expected-date', { expectedAt: IN_TEN_DAYS(), reason: 'Carrier investigation' }, 'in_progress', { expectedResolutionAt: expect.any(String) }],
        ['escalate', { reason: 'Customer asked for a supervisor' }, 'in_progress', {}],
        ['resolve', { summary: 'Refund issued' }, 'resolved', { resolvedAt: expect.any(String) }],
        ['reopen', { reason: 'Refund never arrived' }, 'in_progress', { resolvedAt: null }],
        ['resolve', {}, 'resolved', { resolvedAt: expect.any(String) }],
        ['close', { reason: 'confirmed', note: 'Customer confirmed by phone' }, 'closed', { closeReason: 'confirmed', closedAt: expect.any(String) }],
      ];
      for (const [action, body, status, facts] of steps) {
        const response = await api.command(API_KEYS.agent, id, action, body);
        expect({ action, status: response.status, body: response.body }).toMatchObject({ action, status: 200, body: { id, status, ...facts } });
        // A command answers an agent, so the contact data comes back too.
        expect(response.body.contact).toBeDefined();
      }
      const timeline = expectStatus(await api.get(API_KEYS.agent, `/v1/complaints/${id}/timeline`), 200).body;
      expect(timeline.entries.map((e: { type: string }) => e.type)).toEqual([
        'complaint.received',
        'complaint.acknowledged',
        'complaint.response-sent',
        'complaint.info-requested',
        'complaint.response-sent',
        'complaint.customer-replied',
        'complaint.expected-date-set',
        'complaint.escalation-requested',
        'complaint.resolved',
        'complaint.reopened',
        'complaint.resolved',
        'complaint.closed',
      ]);
    });

    describe('an illegal transition is 409 naming the current status, and changes nothing', () => {
      // [what, commands that bring a fresh Mimo complaint to its status, the status, the illegal command]
      const cases: [string, [string, unknown?][], string, [string, unknown]][] = [
        ['acknowledge twice', [['acknowledge']], 'acknowledged', ['acknowledge', {}]],
        ['reopen what is not resolved', [], 'received', ['reopen', { reason: 'Not happy' }]],
        ['a customer reply nobody asked for', [['acknowledge'], ['responses', { type: 'first_reply' }]], 'in_progress', ['customer-replies', {}]],
        ['request information before acknowledging', [], 'received', ['request-info', {}]],
        ['verify an authorisation no one awaits', [], 'received', ['authorization', {}]],
        ['upgrade what is already a complaint', [['acknowledge']], 'acknowledged', ['upgrade', { reason: 'Unhappy' }]],
        ['close as confirmed before resolving', [['acknowledge']], 'acknowledged', ['close', { reason: 'confirmed' }]],
        ['close as non_cooperation while in progress', [['acknowledge'], ['responses', { type: 'first_reply' }]], 'in_progress', ['close', { reason: 'non_cooperation' }]],
        ['an expected date once resolved', [['resolve']], 'resolved', ['expected-date', { expectedAt: IN_TEN_DAYS(), reason: 'Late' }]],
        ['escalate a closed complaint', [['close', { reason: 'withdrawn' }]], 'closed', ['escalate', { reason: 'Too late' }]],
        ['reopen a closed complaint', [['resolve'], ['close', { reason: 'confirmed' }]], 'closed', ['reopen', { reason: 'Again' }]],
      ];
      it.each(cases)('%s', async (_what, setup, status, [action, body]) => {
        const { id } = await created(API_KEYS.alice);
        await run(id, ...setup);
        const before = expectStatus(await api.get(API_KEYS.agent, `/v1/complaints/${id}`), 200).body;
        expect(before.status).toBe(status);

        const refused = await api.command(API_KEYS.agent, id, action, body);
        expectProblem(refused, 409);
        expect(refused.body.detail).toContain(status);

        expect(expectStatus(await api.get(API_KEYS.agent, `/v1/complaints/${id}`), 200).body).toEqual(before);
      });
    });

    it('answers 404 naming the action for an unknown command, and for an unknown complaint', async () => {
      const { id } = await created(API_KEYS.alice);
      const unknownAction = await api.command(API_KEYS.agent, id, 'teleport', {});
      expectProblem(unknownAction, 404);
      expect(problemFields(unknownAction)).toEqual(['action']);
      expectProblem(await api.command(API_KEYS.agent, randomUUID(), 'acknowledge', {}), 404);
      // Inherited object keys are not commands either.
      expectProblem(await api.command(API_KEYS.agent, id, 'constructor', {}), 404);
    });

    it.each([
      ['an auditor', API_KEYS.auditor],
      ['the submitter', API_KEYS.alice],
      ['an admin', API_KEYS.admin],
    ])('refuses %s with 403 and leaves the complaint as it was', async (_who, key) => {
      const { id } = await created(API_KEYS.alice);
      for (const action of ['acknowledge', 'resolve', 'close']) {
        expectProblem(await api.command(key, id, action, action === 'close' ? { reason: 'withdrawn' } : {}), 403);
      }
      expect(expectStatus(await api.get(API_KEYS.agent, `/v1/complaints/${id}`), 200).body.status).toBe('received');
    });

    it('applies a command retried with the same Idempotency-Key once, and refuses the key for another body', async () => {
      const { id } = await created(API_KEYS.alice);
      await run(id, ['acknowledge']);
      const withKey = (action: string, body: unknown, key: string) =>
        api.call('POST', `/v1/complaints/${id}/${action}`, { key: API_KEYS.agent, json: body, headers: { 'idempotency-key': key } });

      const escalateKey = randomUUID();
      const first = expectStatus(await withKey('escalate', { reason: 'Angry customer' }, escalateKey), 200);
      const retry = expectStatus(await withKey('escalate', { reason: 'Angry customer' }, escalateKey), 200);
      expect(retry.body).toEqual(first.body);
      const reused = await withKey('escalate', { reason: 'Another reason' }, escalateKey);
      expectProblem(reused, 422);
      expect(problemFields(reused)).toEqual(['Idempotency-Key']);

      // A retried resolve answers as the first did, rather than 409 "already resolved".
      const resolveKey = randomUUID();
      const resolved = expectStatus(await withKey('resolve', {}, resolveKey), 200);
      expect(expectStatus(await withKey('resolve', {}, resolveKey), 200).body).toEqual(resolved.body);

      const timeline = expectStatus(await api.get(API_KEYS.agent, `/v1/complaints/${id}/timeline`), 200).body;
      expect(timeline.entries.map((e: { type: string }) => e.type)).toEqual([
        'complaint.received',
        'complaint.acknowledged',
        'complaint.escalation-requested',
        'complaint.resolved',
      ]);
    });

    it('refuses an expected date in the past with 422 naming expectedAt', async () => {
      const { id } = await created(API_KEYS.alice);
      await run(id, ['acknowledge']);
      const past = await api.command(API_KEYS.agent, id, 'expected-date', { expectedAt: '2020-01-01T00:00:00Z', reason: 'Oops' });
      expectProblem(past, 422);
      expect(problemFields(past)).toEqual(['expectedAt']);
    });

    it('closes as non_cooperation only a complaint awaiting the customer', async () => {
      const { id } = await created(API_KEYS.agent, { policyId: 'modmount' });
      await run(id, ['acknowledge'], ['responses', { type: 'first_reply' }]);
      const early = await api.command(API_KEYS.agent, id, 'close', { reason: 'non_cooperation' });
      expectProblem(early, 409);
      expect(early.body.detail).toContain('in_progress');

      await run(id, ['request-info', { question: 'Please send the invoice' }]);
      const closed = await run(id, ['close', { reason: 'non_cooperation' }]);
      expect(closed).toMatchObject({ status: 'closed', closeReason: 'non_cooperation' });
    });
  });

  describe('the seed policies', () => {
    it('Modmount: an inquiry upgraded to a complaint keeps its original receipt and starts again as received', async () => {
      const inquiry = await created(API_KEYS.alice, { policyId: 'modmount', kind: 'inquiry', channel: 'chat' });
      expect(inquiry).toMatchObject({ kind: 'inquiry', status: 'received', upgradedAt: null });
      await run(inquiry.id, ['acknowledge'], ['responses', { type: 'interim' }]);

      const upgraded = await run(inquiry.id, ['upgrade', { reason: 'The answer did not solve it' }]);
      expect(upgraded).toMatchObject({ kind: 'complaint', status: 'received', receivedAt: inquiry.receivedAt, acknowledgedAt: null });
      expect(Date.parse(upgraded.upgradedAt)).toBeGreaterThan(Date.parse(inquiry.receivedAt));
      // The reference stays: it is the same case for the customer.
      expect(upgraded.reference).toBe(inquiry.reference);

      const timeline = expectStatus(await api.get(API_KEYS.agent, `/v1/complaints/${inquiry.id}/timeline`), 200).body;
      const event = timeline.entries.find((e: { type: string }) => e.type === 'complaint.upgraded');
      expect(event.data).toMatchObject({ originalReceivedAt: inquiry.receivedAt, upgradedAt: upgraded.upgradedAt, kind: 'complaint', previousStatus: 'in_progress' });

      // The formal complaint is acknowledged afresh.
      expect(await run(inquiry.id, ['acknowledge'])).toMatchObject({ status: 'acknowledged', acknowledgedAt: expect.any(String) });
    });

    it('Modmount: a third-party complaint awaits authorisation; acknowledging keeps it there, the authorisation releases it', async () => {
      const thirdParty = { name: 'Grace Hopper', relationship: 'daughter' };
      const complaint = await created(API_KEYS.alice, { policyId: 'modmount', thirdParty });
      expect(complaint).toMatchObject({ status: 'awaiting_authorization', thirdParty: { relationship: 'daughter', authorizationVerifiedAt: null } });
      // The third party's name is personal data: agents only.
      expect(JSON.stringify(complaint)).not.toContain('Grace Hopper');

      const acknowledged = await run(complaint.id, ['acknowledge']);
      expect(acknowledged).toMatchObject({ status: 'awaiting_authorization', acknowledgedAt: expect.any(String) });
      expect(acknowledged.contact.thirdPartyName).toBe('Grace Hopper');
      expectProblem(await api.command(API_KEYS.agent, complaint.id, 'request-info', {}), 409);

      const authorised = await run(complaint.id, ['authorization', { evidence: 'Signed letter received by post' }]);
      expect(authorised).toMatchObject({ status: 'acknowledged', thirdParty: { relationship: 'daughter', authorizationVerifiedAt: expect.any(String) } });
      const again = await api.command(API_KEYS.agent, complaint.id, 'authorization', {});
      expectProblem(again, 409);
      expect(again.body.detail).toContain('acknowledged');
    });

    it('Modmount: a third-party complaint authorised before acknowledgement is received', async () => {
      const complaint = await created(API_KEYS.agent, { policyId: 'modmount', thirdParty: { name: 'Grace Hopper', relationship: 'lawyer' } });
      expect(await run(complaint.id, ['authorization', { verifiedAt: new Date(Date.now() - 3600_000).toISOString() }])).toMatchObject({
        status: 'received',
      });
    });

    it('MiT: a complex complaint gets an expected date, and its dispute tier changes by name or number', async () => {
      const complaint = await created(API_KEYS.alice, { policyId: 'mit', channel: 'web', customer: { name: 'Nguyễn Văn An', phone: '+84 28 3822 1234', locale: 'vi' } });
      expect(complaint).toMatchObject({ policyId: 'mit', status: 'received', disputeTier: null, expectedResolutionAt: null });
      expect(complaint.reference).toMatch(/^MIT-\d{4}-\d{6}$/);
      await run(complaint.id, ['acknowledge'], ['responses', { type: 'first_reply', channel: 'phone' }]);

      const expectedAt = IN_TEN_DAYS();
      const complex = await run(complaint.id, ['expected-date', { expectedAt, reason: 'Needs a supplier report' }]);
      expect(complex).toMatchObject({ status: 'in_progress', expectedResolutionAt: new Date(expectedAt).toISOString() });

      const tiers: [string, string][] = [
        ['Direct agreement', 'Direct agreement'],
        ['Mediation by an intermediary organisation', 'Mediation by an intermediary organisation'],
        ['3', 'Legal proceedings'],
        ['2', 'Mediation by an intermediary organisation'],
      ];
      for (const [requested, recorded] of tiers) {
        expect(await run(complaint.id, ['dispute-tier', { tier: requested, reason: `Moving to ${recorded}` }])).toMatchObject({ disputeTier: recorded });
      }
      const timeline = expectStatus(await api.get(API_KEYS.agent, `/v1/complaints/${complaint.id}/timeline`), 200).body;
      const changes = timeline.entries.filter((e: { type: string }) => e.type === 'complaint.dispute-tier-changed').map((e: { data: { fromTier: string | null; toTier: string } }) => [e.data.fromTier, e.data.toTier]);
      expect(changes).toEqual([
        [null, 'Direct agreement'],
        ['Direct agreement', 'Mediation by an intermediary organisation'],
        ['Mediation by an intermediary organisation', 'Legal proceedings'],
        ['Legal proceedings', 'Mediation by an intermediary organisation'],
      ]);

      const same = await api.command(API_KEYS.agent, complaint.id, 'dispute-tier', { tier: '2', reason: 'Again' });
      expectProblem(same, 409);
      const unknown = await api.command(API_KEYS.agent, complaint.id, 'dispute-tier', { tier: 'Arbitration', reason: 'Not a MiT tier' });
      expectProblem(unknown, 422);
      expect(problemFields(unknown)).toEqual(['tier']);
    });

    it('MiT: refuses a channel it does not take, naming the channel', async () => {
      const chat = await api.create(API_KEYS.alice, newComplaint({ policyId: 'mit', channel: 'chat' }));
      expectProblem(chat, 422);
      expect(problemFields(chat)).toEqual(['channel']);
    });

    it('Mimo: a policy without dispute tiers refuses a tier change with 422', async () => {
      const { id } = await created(API_KEYS.alice);
      const response = await api.command(API_KEYS.agent, id, 'dispute-tier', { tier: '2', reason: 'Mediation' });
      expectProblem(response, 422);
      expect(problemFields(response)).toEqual(['tier']);
    });

    it('imolocale: a complaint naming a seller records the seller refusing to cooperate', async () => {
      const complaint = await created(API_KEYS.alice, {
        policyId: 'imolocale',
        channel: 'email',
        customer: { name: 'Camille Martin', email: 'camille.martin@example.fr', locale: 'fr' },
        seller: { id: 'seller-1042', name: 'Boutique Lumière' },
      });
      expect(complaint).toMatchObject({ policyId: 'imolocale', status: 'received', seller: { id: 'seller-1042' } });
      expect(complaint.reference).toMatch(/^IMOLOCALE-\d{4}-\d{6}$/);
      expect(JSON.stringify(complaint)).not.toContain('Boutique Lumière');

      const reported = await api.command(API_KEYS.agent, complaint.id, 'seller-non-cooperation', { reason: 'No answer to three requests' });
      expect(reported.status).toBe(200);
      expect(reported.body).toMatchObject({ status: 'received', seller: { id: 'seller-1042' }, contact: { sellerName: 'Boutique Lumière' } });
      const timeline = expectStatus(await api.get(API_KEYS.agent, `/v1/complaints/${complaint.id}/timeline`), 200).body;
      expect(timeline.entries.at(-1)).toMatchObject({ type: 'complaint.seller-non-cooperation-reported', data: { sellerId: 'seller-1042' } });
    });

    it('imolocale: reporting a seller on a complaint that names none is 422 naming seller', async () => {
      const { id } = await created(API_KEYS.agent, { policyId: 'imolocale', firstContactAt: new Date().toISOString() });
      const response = await api.command(API_KEYS.agent, id, 'seller-non-cooperation', { reason: 'Which seller?' });
      expectProblem(response, 422);
      expect(problemFields(response)).toEqual(['seller']);
    });

    it('Mimo: refuses a seller, which it has no rules for, naming the field', async () => {
      const response = await api.create(API_KEYS.alice, newComplaint({ seller: { id: 's-1', name: 'Shop' } }));
      expectProblem(response, 422);
      expect(problemFields(response)).toEqual(['seller']);
    });
  });
});
