import { randomBytes, randomUUID } from 'node:crypto';
import { StringCodec, connect } from 'nats';
import { testInfrastructure, waitFor } from '@complaints/testing';
import { ApiResponse, CallOptions, expectStatus } from './support/api-client';
import { newComplaint } from './support/complaint-bodies';
import { API_KEYS } from './support/running-system';
import { systemForFile } from './support/system-for-file';

/*
 * The complaint API under abuse: malformed and hostile requests, a crowd of concurrent ones,
 * and a look straight into the database and the event stream for personal data that should
 * only ever be stored encrypted. Gateway and intake run as real processes.
 */

const PROBLEM_JSON = /^application\/problem\+json/;

describe('the complaint API under abuse', () => {
  // Rate limiting has tests of its own (gateway); here a crowd and its retries must not hit it.
  const sut = systemForFile(['gateway', 'intake'], { database: true, env: () => ({ gateway: { RATE_LIMIT_PER_MINUTE: '100000' } }) });
  const { receiver, api } = sut;

  async function complaintCount(): Promise<number> {
    const { rows } = await sut.db.query<{ n: number }>('select count(*)::int as n from intake.complaints');
    return rows[0].n;
  }

  describe('malformed requests', () => {
    let target: { id: string; updatedAt: string; status: string };

    interface Abuse {
      readonly what: string;
      /** Defaults to POST /v1/complaints as alice with a fresh Idempotency-Key. */
      readonly path?: (id: string) => string;
      readonly options?: CallOptions;
      readonly status: number;
      /** What the problem must name: a field in `errors[]`, or else a word of its detail. */
      readonly names: string;
    }

    const create = (json: unknown, key: string = API_KEYS.alice): CallOptions => ({ key, json, headers: { 'idempotency-key': randomUUID() } });
    const raw = (body: string, contentType = 'application/json'): CallOptions => ({
      key: API_KEYS.alice,
      raw: body,
      headers: { 'content-type': contentType, 'idempotency-key': randomUUID() },
    });
    const without = (field: string) => {
      const body = newComplaint();
      delete body[field];
      return body;
    };
    const customer = (overrides: Record<string, unknown>) => newComplaint({ customer: { ...(newComplaint()['customer'] as object), ...overrides } });
    const command = (action: string) => (id: string) => `/v1/complaints/${id}/${action}`;
    const asAgent = (json: unknown): CallOptions => ({ key: API_KEYS.agent, json });

    const abuses: Abuse[] = [
      // Shapes and types
      { what: 'policyId as a number', options: create(newComplaint({ policyId: 42 })), status: 400, names: 'policyId' },
      { what: 'no policyId', options: create(without('policyId')), status: 400, names: 'policyId' },
      { what: 'an unknown kind', options: create(newComplaint({ kind: 'rant' })), status: 400, names: 'kind' },
      { what: 'an unknown channel', options: create(newComplaint({ channel: 'carrier-pigeon' })), status: 400, names: 'channel' },
      { what: 'no customer', options: create(without('customer')), status: 400, names: 'customer' },
      { what: 'customer as a string', options: create(newComplaint({ customer: 'Ada' })), status: 400, names: 'customer' },
      { what: 'an empty customer name', options: create(customer({ name: '' })), status: 400, names: 'customer.name' },
      { what: 'a blank customer name', options: create(customer({ name: '   \t ' })), status: 400, names: 'customer.name' },
      { what: 'an invalid email', options: create(customer({ email: 'ada-at-example.org' })), status: 400, names: 'customer.email' },
      { what: 'an email of 300 characters', options: create(customer({ email: `${'a'.repeat(290)}@example.org` })), status: 400, names: 'customer.email' },
      { what: 'no way to reach the customer', options: create(customer({ email: undefined, phone: undefined })), status: 400, names: 'customer.email' },
      { what: 'a phone number in words', options: create(customer({ phone: 'call me maybe' })), status: 400, names: 'customer.phone' },
      { what: 'a locale that is not a language tag', options: create(customer({ locale: 'English please' })), status: 400, names: 'customer.locale' },
      { what: 'a subject of 201 characters', options: create(newComplaint({ subject: 's'.repeat(201) })), status: 400, names: 'subject' },
      { what: 'a description of 10,001 characters', options: create(newComplaint({ description: 'd'.repeat(10_001) })), status: 400, names: 'description' },
      { what: 'a description as an object', options: create(newComplaint({ description: { text: 'hi' } })), status: 400, names: 'description' },
      { what: 'a third party without a name', options: create(newComplaint({ policyId: 'modmount', thirdParty: { relationship: 'son' } })), status: 400, names: 'thirdParty.name' },
      // Times: ISO 8601 with an offset, and a real one
      { what: 'month 13 and offset +25:00', options: create(newComplaint({ receivedAt: '2026-13-01T00:00:00+25:00' }), API_KEYS.agent), status: 400, names: 'receivedAt' },
      { what: 'an offset of +25:00', options: create(newComplaint({ receivedAt: '2026-03-01T00:00:00+25:00' }), API_KEYS.agent), status: 400, names: 'receivedAt' },
      { what: 'a time without an offset', options: create(newComplaint({ firstContactAt: '2026-03-02T10:00:00' })), status: 400, names: 'firstContactAt' },
      { what: '30 February', options: create(newComplaint({ firstContactAt: '2026-02-30T10:00:00Z' })), status: 400, names: 'firstContactAt' },
      { what: 'a date without a time', options: create(newComplaint({ firstContactAt: '2026-03-02' })), status: 400, names: 'firstContactAt' },
      { what: 'a receipt as epoch milliseconds', options: create(newComplaint({ receivedAt: 1_767_225_600_000 }), API_KEYS.agent), status: 400, names: 'receivedAt' },
      // Unknown and protected fields
      { what: 'an unknown top-level field', options: create(newComplaint({ priority: 'urgent' })), status: 400, names: 'priority' },
      { what: 'an unknown nested field', options: create(customer({ age: 36 })), status: 400, names: 'customer.age' },
      { what: 'an unknown field in seller', options: create(newComplaint({ policyId: 'imolocale', seller: { id: 's', name: 'n', rating: 5 } })), status: 400, names: 'seller.rating' },
      ...['status', 'reference', 'escalationLevel', 'sla', 'id', 'submittedBy', 'disputeTier'].map(
        (field): Abuse => ({ what: `the protected field ${field}`, options: create(newComplaint({ [field]: field === 'escalationLevel' ? 4 : 'x' })), status: 400, names: field }),
      ),
      { what: '__proto__ smuggled in raw JSON', options: raw(`{"__proto__":{"status":"closed"},${JSON.stringify(newComplaint()).slice(1)}`), status: 400, names: '__proto__' },
      // Rules of the policy named
      { what: 'an unknown policy', options: create(newComplaint({ policyId: 'acme-unknown' })), status: 422, names: 'policyId' },
      { what: 'a channel Mimo does not take', options: create(newComplaint({ channel: 'phone' })), status: 422, names: 'channel' },
      { what: 'a kind MiT does not take', options: create(newComplaint({ policyId: 'mit', kind: 'inquiry' })), status: 422, names: 'kind' },
      { what: 'a third party under Mimo', options: create(newComplaint({ thirdParty: { name: 'Bob', relationship: 'friend' } })), status: 422, names: 'thirdParty' },
      { what: 'a receipt before the policy took effect', options: create(newComplaint({ receivedAt: '2001-01-01T00:00:00Z' }), API_KEYS.agent), status: 422, names: 'receivedAt' },
      // The body as a whole
      { what: 'text/plain', options: raw(JSON.stringify(newComplaint()), 'text/plain'), status: 415, names: 'application/json' },
      { what: 'a form', options: raw('policyId=mimo&kind=complaint', 'application/x-www-form-urlencoded'), status: 415, names: 'application/json' },
      { what: 'a body over 64 KiB', options: raw(JSON.stringify(newComplaint({ description: 'x'.repeat(66_000) }))), status: 413, names: 'exceeds' },
      { what: 'truncated JSON', options: raw('{"policyId": "mimo", "kind":'), status: 400, names: 'JSON' },
      { what: 'an array', options: create([newComplaint()]), status: 400, names: '(body)' },
      { what: 'null', options: raw('null'), status: 400, names: 'JSON' },
      { what: 'a JSON string', options: raw('"please take my complaint"'), status: 400, names: 'JSON' },
      { what: 'an empty object', options: create({}), status: 400, names: 'policyId' },
      { what: 'an Idempotency-Key of 300 characters', options: { key: API_KEYS.alice, json: newComplaint(), headers: { 'idempotency-key': 'k'.repeat(300) } }, status: 400, names: 'Idempotency-Key' },
      { what: 'no API key', options: { json: newComplaint(), headers: { 'idempotency-key': randomUUID() } }, status: 401, names: 'key' },
      { what: 'an unknown API key', options: { ...create(newComplaint()), key: 'not-a-real-key' }, status: 401, names: 'key' },
      // Lifecycle routes
      { what: 'a complaint id that is not a UUID', path: () => '/v1/complaints/12345/acknowledge', options: asAgent({}), status: 400, names: 'id' },
      { what: 'an unknown command', path: command('delete'), options: asAgent({}), status: 404, names: 'action' },
      { what: 'a response without a type', path: command('responses'), options: asAgent({ summary: 'Hi' }), status: 400, names: 'type' },
      { what: 'a response of an unknown type', path: command('responses'), options: asAgent({ type: 'telegram' }), status: 400, names: 'type' },
      { what: 'close without a reason', path: command('close'), options: asAgent({}), status: 400, names: 'reason' },
      { what: 'close for an unknown reason', path: command('close'), options: asAgent({ reason: 'bored' }), status: 400, names: 'reason' },
      { what: 'an expected date without an offset', path: command('expected-date'), options: asAgent({ expectedAt: '2030-01-01T10:00:00', reason: 'Complex' }), status: 400, names: 'expectedAt' },
      { what: 'an expected date without a reason', path: command('expected-date'), options: asAgent({ expectedAt: '2030-01-01T10:00:00Z' }), status: 400, names: 'reason' },
      { what: 'an empty upgrade reason', path: command('upgrade'), options: asAgent({ reason: '' }), status: 400, names: 'reason' },
      { what: 'a reopen reason of 10,000 characters', path: command('reopen'), options: asAgent({ reason: 'r'.repeat(10_000) }), status: 400, names: 'reason' },
      { what: 'a customer reply at +25:00', path: command('customer-replies'), options: asAgent({ receivedAt: '2026-03-01T00:00:00+25:00' }), status: 400, names: 'receivedAt' },
      { what: 'a dispute tier of 51 characters', path: command('dispute-tier'), options: asAgent({ tier: 't'.repeat(51), reason: 'Why not' }), status: 400, names: 'tier' },
      { what: 'setting the status through acknowledge', path: command('acknowledge'), options: asAgent({ status: 'closed' }), status: 400, names: 'status' },
      { what: 'setting the level through escalate', path: command('escalate'), options: asAgent({ reason: 'Now', level: 4 }), status: 400, names: 'level' },
      { what: 'an array to resolve', path: command('resolve'), options: asAgent([]), status: 400, names: '(body)' },
      { what: 'text/plain to escalate', path: command('escalate'), options: { key: API_KEYS.agent, raw: 'escalate it', headers: { 'content-type': 'text/plain' } }, status: 415, names: 'application/json' },
      { what: 'bad JSON to close', path: command('close'), options: { key: API_KEYS.agent, raw: '{reason: confirmed}', headers: { 'content-type': 'application/json' } }, status: 400, names: 'JSON' },
      { what: 'a command by a submitter', path: command('resolve'), options: { key: API_KEYS.alice, json: {} }, status: 403, names: 'Forbidden' },
    ];

    let before: number;
    const answers: { abuse: Abuse; response: ApiResponse }[] = [];

    beforeAll(async () => {
      target = expectStatus(await api.create(API_KEYS.agent, newComplaint()), 201).body;
      before = await complaintCount();
      // Sequentially, so each answer is judged on its own (and stays well under the rate limit).
      for (const abuse of abuses) {
        const path = abuse.path ? abuse.path(target.id) : '/v1/complaints';
        answers.push({ abuse, response: await api.call('POST', path, abuse.options) });
      }
    });

    it('has at least 30 cases', () => {
      expect(abuses.length).toBeGreaterThanOrEqual(30);
    });

    it.each(abuses.map((abuse, index) => [abuse.what, index] as const))('%s → a 4xx problem naming what is wrong', (_what, index) => {
      const { abuse, response } = answers[index];
      const fields = ((response.body?.errors ?? []) as { field: string }[]).map((error) => error.field);
      const named = fields.includes(abuse.names) || String(response.body?.detail ?? '').includes(abuse.names) || String(response.body?.title ?? '').includes(abuse.names);
      expect({ status: response.status, contentType: response.contentType, named, body: response.body }).toEqual({
        status: abuse.status,
        contentType: expect.stringMatching(PROBLEM_JSON),
        named: true,
        body: expect.objectContaining({ status: abuse.status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) }),
      });
    });

    it('never answers 5xx', () => {
      expect(answers.filter(({ response }) => response.status >= 500).map(({ abuse }) => abuse.what)).toEqual([]);
    });

    it('stores no complaint and changes none', async () => {
      expect(await complaintCount()).toBe(before);
      const now = expectStatus(await api.get(API_KEYS.agent, `/v1/complaints/${target.id}`), 200).body;
      expect({ status: now.status, updatedAt: now.updatedAt }).toEqual({ status: target.status, updatedAt: target.updatedAt });
    });

    /*
     * - A NUL character cannot be stored by PostgreSQL: it must be a 400 naming the field, not a 503.
     * - Instants that must be in the past (a receipt, a first contact, a customer's reply) must not
     *   lie in the future, or a "back-dated" complaint could be received in 2030 and clocks start
     *   years from now.
     */
    describe('text PostgreSQL cannot store, and instants that must have passed', () => {
      const FUTURE = '2030-01-01T00:00:00Z';

      function expectRefusedNaming(response: ApiResponse, field: string): void {
        const fields = ((response.body?.errors ?? []) as { field: string }[]).map((error) => error.field);
        const answer = response.status === 400 || response.status === 422 ? 'refused (400 or 422)' : `HTTP ${response.status}`;
        expect({ answer, contentType: response.contentType, fields }).toEqual({
          answer: 'refused (400 or 422)',
          contentType: expect.stringMatching(PROBLEM_JSON),
          fields: expect.arrayContaining([field]),
        });
      }

      it.each([
        ['a NUL character in seller.id', create(newComplaint({ policyId: 'imolocale', firstContactAt: '2026-11-02T10:00:00Z', seller: { id: 'seller\u00001', name: 'Shop' } })), 'seller.id'],
        ['a NUL character in thirdParty.relationship', create(newComplaint({ policyId: 'modmount', thirdParty: { name: 'Grace', relationship: 'son\u0000' } })), 'thirdParty.relationship'],
        ['a complaint "back-dated" into the future', create(newComplaint({ receivedAt: FUTURE }), API_KEYS.agent), 'receivedAt'],
        ['a first contact in the future', create(newComplaint({ policyId: 'imolocale', firstContactAt: FUTURE }), API_KEYS.agent), 'firstContactAt'],
        [
          'a first contact after the receipt',
          create(newComplaint({ policyId: 'imolocale', receivedAt: '2026-11-02T10:00:00Z', firstContactAt: '2026-11-03T10:00:00Z' }), API_KEYS.agent),
          'firstContactAt',
        ],
        [
          'a first contact two years before the receipt',
          create(newComplaint({ policyId: 'imolocale', receivedAt: '2026-11-02T10:00:00Z', firstContactAt: '2024-11-02T10:00:00Z' }), API_KEYS.agent),
          'firstContactAt',
        ],
      ])('%s is a 4xx naming the field', async (_what, options, field) => {
        expectRefusedNaming(await api.call('POST', '/v1/complaints', options), field);
      });

      it('a customer reply received in the future is a 4xx naming receivedAt', async () => {
        const { id } = expectStatus(await api.create(API_KEYS.agent, newComplaint()), 201).body;
        for (const [action, body] of [['acknowledge', {}], ['request-info', {}]] as const) expectStatus(await api.command(API_KEYS.agent, id, action, body), 200);
        expectRefusedNaming(await api.command(API_KEYS.agent, id, 'customer-replies', { receivedAt: FUTURE }), 'receivedAt');
      });
    });
  });

  describe('concurrency', () => {
    it('gives 200 parallel complaints 200 distinct references with gap-free sequence numbers', async () => {
      const before = await complaintCount();
      // A crowd this size queues on one reference counter; on a loaded machine some wait past the
      // gateway's timeout, and those clients retry with their key, as the API asks them to.
      const responses = await Promise.all(
        Array.from({ length: 200 }, (_, i) => api.createRetrying(API_KEYS.alice, newComplaint({ subject: `Parallel ${i}` }))),
      );

      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status !== 201)).toEqual([]);
      const references = responses.map((response) => response.body.reference as string);
      expect(new Set(references).size).toBe(200);
      expect(new Set(responses.map((response) => response.body.id)).size).toBe(200);
      // Same policy, same year: one sequence, so the numbers are exactly n, n+1, …, n+199.
      expect(new Set(references.map((reference) => reference.replace(/-\d+$/, ''))).size).toBe(1);
      const numbers = references.map((reference) => Number(/-(\d+)$/.exec(reference)?.[1])).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 200 }, (_, i) => numbers[0] + i));
      expect(await complaintCount()).toBe(before + 200);
    });

    it('applies 50 parallel requests with the same key and body once', async () => {
      const before = await complaintCount();
      const key = randomUUID();
      const body = newComplaint({ subject: 'Sent fifty times by a nervous client' });
      const responses = await Promise.all(Array.from({ length: 50 }, () => api.createRetrying(API_KEYS.bob, body, key)));

      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status < 200 || status >= 300)).toEqual([]);
      expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
      expect(new Set(responses.map((response) => response.body.reference)).size).toBe(1);
      expect(await complaintCount()).toBe(before + 1);
    });
  });

  describe('personal data at rest and on the wire', () => {
    // Recognisable, unique to this run, plain ASCII so that a JSON or hex rendering is predictable.
    const tag = randomBytes(4).toString('hex');
    const pii = {
      name: `Zebulon Quartermaine ${tag}`,
      email: `zq.${tag}@pii-probe.example`,
      phone: '+41 79 555 01 23',
      subject: `Teapot subject ${tag}`,
      description: `The ${tag} teapot leaked all over my grandmother's tablecloth`,
      thirdPartyName: `Philippa Quartermaine ${tag}`,
      sellerName: `Boutique Probe ${tag}`,
    };
    const reasons: Record<string, string> = {};
    const reason = (what: string) => (reasons[what] = `${what} reason ${tag} ${randomBytes(3).toString('hex')}`);
    const complaintIds: string[] = [];

    beforeAll(async () => {
      const customer = { name: pii.name, email: pii.email, phone: pii.phone, locale: 'en' };
      const texts = { customer, subject: pii.subject, description: pii.description };
      const mimo = expectStatus(await api.create(API_KEYS.agent, newComplaint(texts)), 201).body;
      const modmount = expectStatus(
        await api.create(API_KEYS.alice, newComplaint({ ...texts, policyId: 'modmount', kind: 'inquiry', thirdParty: { name: pii.thirdPartyName, relationship: 'granddaughter' } })),
        201,
      ).body;
      const mit = expectStatus(await api.create(API_KEYS.alice, newComplaint({ ...texts, policyId: 'mit', channel: 'phone' })), 201).body;
      const imolocale = expectStatus(
        await api.create(API_KEYS.agent, newComplaint({ ...texts, policyId: 'imolocale', firstContactAt: new Date().toISOString(), seller: { id: `seller-${tag}`, name: pii.sellerName } })),
        201,
      ).body;
      complaintIds.push(mimo.id, modmount.id, mit.id, imolocale.id);

      const steps: [string, string, unknown][] = [
        [mimo.id, 'acknowledge', { note: reason('acknowledge') }],
        [mimo.id, 'responses', { type: 'first_reply', summary: reason('response') }],
        [mimo.id, 'request-info', { question: reason('question') }],
        [mimo.id, 'customer-replies', {}],
        [mimo.id, 'expected-date', { expectedAt: new Date(Date.now() + 86_400_000).toISOString(), reason: reason('expected') }],
        [mimo.id, 'escalate', { reason: reason('escalate') }],
        [mimo.id, 'resolve', { summary: reason('resolve') }],
        [mimo.id, 'reopen', { reason: reason('reopen') }],
        [mimo.id, 'close', { reason: 'withdrawn', note: reason('close') }],
        [modmount.id, 'authorization', { evidence: reason('authorization') }],
        [modmount.id, 'upgrade', { reason: reason('upgrade') }],
        [mit.id, 'dispute-tier', { tier: '2', reason: reason('tier') }],
        [imolocale.id, 'seller-non-cooperation', { reason: reason('seller') }],
      ];
      for (const [id, action, body] of steps) {
        // An Idempotency-Key makes intake keep the command's result: that must not hold the text either.
        expectStatus(await api.call('POST', `/v1/complaints/${id}/${action}`, { key: API_KEYS.agent, json: body, headers: { 'idempotency-key': randomUUID() } }), 200);
      }
    });

    /** Every secret, as it would appear in a text/json column, or hex-encoded in a bytea one. */
    function secrets(): [label: string, needle: string][] {
      const plain = Object.entries({ ...pii, ...reasons });
      return plain.flatMap(([label, value]) => [
        [label, value.toLowerCase()],
        [`${label} (hex)`, Buffer.from(value, 'utf8').toString('hex')],
      ]);
    }

    function leaksIn(text: string): string[] {
      const haystack = text.toLowerCase();
      return secrets()
        .filter(([, needle]) => haystack.includes(needle))
        .map(([label]) => label);
    }

    it('the API still gives an agent the contact data back, so the secrets are really stored', async () => {
      const view = expectStatus(await api.get(API_KEYS.agent, `/v1/complaints/${complaintIds[1]}`), 200).body;
      expect(view.contact).toMatchObject({ customer: { name: pii.name, email: pii.email, phone: pii.phone }, description: pii.description, thirdPartyName: pii.thirdPartyName });
    });

    it('no table of any application schema holds the plaintext', async () => {
      const { rows: tables } = await sut.db.query<{ schema: string; table: string }>(
        `select table_schema as schema, table_name as table from information_schema.tables
         where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`,
      );
      expect(tables.map((t) => `${t.schema}.${t.table}`)).toEqual(
        expect.arrayContaining(['intake.complaints', 'intake.complaint_history', 'intake.outbox', 'intake.idempotency_keys']),
      );
      const leaks: string[] = [];
      let everything = '';
      for (const { schema, table } of tables) {
        const { rows } = await sut.db.query<{ row: string }>(`select row_to_json(t)::text as row from "${schema}"."${table}" t`);
        for (const { row } of rows) {
          everything += row;
          for (const label of leaksIn(row)) leaks.push(`${schema}.${table}: ${label}`);
        }
      }
      // A canary: the seller's id is not personal data and is stored in clear, so the scan sees it.
      expect(everything).toContain(`seller-${tag}`);
      expect([...new Set(leaks)]).toEqual([]);
    });

    it('no exported trace span carries it', async () => {
      // Spans are exported in batches every 100 ms: wait for the last command's, then a little more.
      await waitFor('spans about these complaints', () => receiver.spans.some((span) => span.attributes['complaint.id'] === complaintIds[3]), 10_000);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(receiver.spans.length).toBeGreaterThan(0);
      expect([...new Set(receiver.spans.flatMap((span) => leaksIn(JSON.stringify(span)).map((label) => `${span.serviceName} ${span.name}: ${label}`)))]).toEqual([]);
    });

    it('no published event carries it', async () => {
      const natsUrl = (await testInfrastructure()).natsUrl;
      const nc = await connect({ servers: natsUrl });
      try {
        const jsm = await nc.jetstreamManager();
        const stream = `${sut.system.namespace.toUpperCase()}_COMPLAINTS`;
        const codec = StringCodec();
        // The relay publishes from the outbox shortly after the commit: wait for every row.
        await waitFor('the outbox to be relayed', async () => {
          const { rows } = await sut.db.query<{ n: number }>('select count(*)::int as n from intake.outbox where sent_at is null');
          return rows[0].n === 0;
        }, 20_000);
        const { state } = await jsm.streams.info(stream);
        const texts: string[] = [];
        for (let seq = state.first_seq; seq <= state.last_seq; seq++) {
          const message = await jsm.streams.getMessage(stream, { seq }).catch(() => undefined);
          if (!message) continue;
          const headerText = message.header ? [...message.header.keys()].map((k) => `${k}:${message.header.values(k).join(',')}`).join('\n') : '';
          texts.push(`${message.subject}\n${headerText}\n${codec.decode(message.data)}`);
        }
        // The events about these complaints are there (so the check below is not vacuous)...
        for (const id of complaintIds) expect(texts.some((text) => text.includes(id))).toBe(true);
        expect(texts.some((text) => text.includes(`seller-${tag}`))).toBe(true);
        const { rows } = await sut.db.query<{ n: number }>("select count(*)::int as n from intake.outbox where event_type like 'complaint.%'");
        expect(texts.length).toBe(rows[0].n);
        // ...and none of them carries personal data or free text.
        const leaks = texts.flatMap((text) => leaksIn(text));
        expect([...new Set(leaks)]).toEqual([]);
      } finally {
        await nc.close();
      }
    });
  });
});
