import { testInfrastructure, waitFor } from '@complaints/testing';
import { connect } from 'nats';
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { ApiResponse, expectStatus, problemFields } from './support/api-client';
import { newComplaint } from './support/complaint-bodies';
import { API_KEYS, serviceEntryPoint } from './support/running-system';
import { systemForFile } from './support/system-for-file';

/*
 * The policy registry through the gateway: reading the built-ins, publishing new versions,
 * simulating deadlines, and intake taking complaints under a policy published at run time,
 * also after a restart (it reloads published versions from its own table).
 */

const BUILT_INS = ['mimo', 'mit', 'modmount', 'imolocale', 'fca-disp', 'cfpb'];
const PROBLEM_JSON = /^application\/problem\+json/;

type PolicyDocument = Record<string, unknown> & { id: string; version: number; name: string };

describe('the policy API', () => {
  const sut = systemForFile(['gateway', 'intake']);
  const { api } = sut;
  /** An intake started by the test itself (see startIntakeOrFail), stopped after the file. */
  let intakeOutsideSystem: ChildProcess | undefined;

  afterAll(async () => {
    if (intakeOutsideSystem && intakeOutsideSystem.exitCode === null) {
      const exited = once(intakeOutsideSystem, 'exit');
      intakeOutsideSystem.kill('SIGTERM');
      await exited;
    }
  });

  /**
   * Starts intake as RunningSystem would, but fails as soon as the process exits instead of
   * waiting out the 60 s readiness timeout, so a crash on boot is reported at once.
   */
  async function startIntakeOrFail(): Promise<ChildProcess> {
    const env = sut.system.env('intake');
    const child = spawn(process.execPath, [serviceEntryPoint('intake')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const output: string[] = [];
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const outcome = await waitFor(
      'intake to be ready',
      async () => {
        if (child.exitCode !== null) return 'exited';
        const response = await fetch(`http://127.0.0.1:${env['PORT']}/health/ready`).catch(() => undefined);
        return response?.ok ? 'ready' : undefined;
      },
      30_000,
      100,
    );
    if (outcome === 'exited') throw new Error(`intake exited on start: ${output.join('').slice(-1500)}`);
    return child;
  }

  function expectProblem(response: ApiResponse, status: number): void {
    expect({ status: response.status, contentType: response.contentType }).toEqual({ status, contentType: expect.stringMatching(PROBLEM_JSON) });
  }

  const publish = (document: unknown, key = API_KEYS.admin) => api.call('POST', '/v1/policies', { key, json: document });

  /** Mimo as the API returns it, made into a new organisation's policy. */
  async function acmeCare(overrides: Partial<PolicyDocument> = {}): Promise<PolicyDocument> {
    const mimo = expectStatus(await api.get(API_KEYS.admin, '/v1/policies/mimo'), 200).body as PolicyDocument;
    return {
      ...mimo,
      id: 'acme-care',
      version: 1,
      name: 'Acme customer care policy',
      source: { kind: 'custom', organisation: 'Acme' },
      ...overrides,
    };
  }

  describe('reading', () => {
    it.each([
      ['an admin', API_KEYS.admin],
      ['an agent', API_KEYS.agent],
      ['an auditor', API_KEYS.auditor],
    ])('lists the six built-in policies to %s', async (_who, key) => {
      const { items } = expectStatus(await api.get(key, '/v1/policies'), 200).body;
      const builtIns = items.filter((item: { id: string }) => BUILT_INS.includes(item.id));
      expect(builtIns.map((item: { id: string }) => item.id).sort()).toEqual([...BUILT_INS].sort());
      for (const item of builtIns) {
        expect(item).toMatchObject({ builtIn: true, latestVersion: 1, name: expect.any(String), versions: [{ version: 1, effectiveFrom: expect.any(String) }] });
      }
    });

    it('refuses a submitter with 403', async () => {
      expectProblem(await api.get(API_KEYS.alice, '/v1/policies'), 403);
      expectProblem(await api.get(API_KEYS.alice, '/v1/policies/mimo'), 403);
    });

    it('reads a policy, latest or by version', async () => {
      const latest = expectStatus(await api.get(API_KEYS.agent, '/v1/policies/mimo'), 200).body;
      expect(latest).toMatchObject({ id: 'mimo', version: 1, calendar: { zone: 'UTC' } });
      expect(latest.clocks.map((clock: { id: string }) => clock.id)).toEqual(expect.arrayContaining(['acknowledgement', 'first_reply', 'resolution']));
      const first = expectStatus(await api.get(API_KEYS.agent, '/v1/policies/mimo?version=1'), 200).body;
      expect(first).toEqual(latest);
    });

    it.each([
      ['an unknown policy', '/v1/policies/acme-nowhere', 404],
      ['an unknown version', '/v1/policies/mimo?version=99', 404],
      ['a version that is not a number', '/v1/policies/mimo?version=first', 400],
      ['an id that is not a policy id', '/v1/policies/Not%20A%20Policy', 400],
    ])('answers %s with a problem', async (_what, path, status) => {
      expectProblem(await api.get(API_KEYS.agent, path), status);
    });
  });

  describe('simulating', () => {
    it('explains when a Mimo complaint received Friday 16:30 UTC must be acknowledged: Monday 10:30', async () => {
      const response = await api.call('POST', '/v1/policies/mimo/simulate', {
        key: API_KEYS.agent,
        json: { kind: 'complaint', channel: 'email', receivedAt: '2026-11-20T16:30:00+00:00' },
      });
      const plan = expectStatus(response, 200).body;
      expect(plan).toMatchObject({ policyId: 'mimo', version: 1, zone: 'UTC' });
      const clock = (metric: string) => plan.clocks.find((c: { metric: string }) => c.metric === metric);
      // Mimo's zone is UTC, so the times carry a Z offset, with milliseconds (luxon's toISO).
      expect(clock('acknowledgement')).toMatchObject({
        status: 'running',
        startedAt: '2026-11-20T16:30:00.000Z',
        dueAt: '2026-11-23T10:30:00.000Z',
        warnAt: '2026-11-23T10:00:00.000Z',
      });
      expect(clock('acknowledgement').explanation).toContain('2 business hours from Fri 20 Nov 2026 16:30 UTC');
      expect(clock('acknowledgement').explanation).toContain('Mon 23 Nov 2026 10:30');
      // 8 business hours for email: 30 min Friday, 7 h 30 min Monday → Monday 16:30.
      expect(clock('first_reply').dueAt).toBe('2026-11-23T16:30:00.000Z');
      // 5 business days after Friday → the following Friday at close.
      expect(clock('resolution').dueAt).toBe('2026-11-27T17:00:00.000Z');
    });

    it('gives deadlines in the policy zone offset (MiT, Asia/Ho_Chi_Minh)', async () => {
      const plan = expectStatus(
        await api.call('POST', '/v1/policies/mit/simulate', { key: API_KEYS.agent, json: { kind: 'complaint', channel: 'web', receivedAt: '2026-11-20T09:00:00Z' } }),
        200,
      ).body;
      // Friday 16:00 in Hanoi; 1 business day → close of Monday.
      expect(plan.clocks.find((c: { metric: string }) => c.metric === 'acknowledgement').dueAt).toBe('2026-11-23T17:00:00.000+07:00');
    });

    it('simulates a draft document without storing it', async () => {
      const draft = await acmeCare({ id: 'acme-draft', calendar: { zone: 'Europe/Paris', opening: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' }] } });
      const response = await api.call('POST', '/v1/policies/simulate', {
        key: API_KEYS.admin,
        json: { policy: draft, kind: 'complaint', channel: 'email', receivedAt: '2026-11-20T16:30:00+01:00' },
      });
      const plan = expectStatus(response, 200).body;
      expect(plan).toMatchObject({ policyId: 'acme-draft', zone: 'Europe/Paris' });
      const ack = plan.clocks.find((c: { metric: string }) => c.metric === 'acknowledgement');
      expect(ack.dueAt).toBe('2026-11-23T10:30:00.000+01:00');
      expect(ack.explanation).toEqual(expect.any(String));

      expectProblem(await api.get(API_KEYS.admin, '/v1/policies/acme-draft'), 404);
      expectProblem(await api.create(API_KEYS.alice, newComplaint({ policyId: 'acme-draft' })), 422);
    });

    it.each([
      ['a submitter', API_KEYS.alice, '/v1/policies/mimo/simulate', 403],
      ['an auditor', API_KEYS.auditor, '/v1/policies/mimo/simulate', 403],
      ['an unknown policy', API_KEYS.agent, '/v1/policies/acme-nowhere/simulate', 404],
    ])('refuses %s', async (_what, key, path, status) => {
      expectProblem(await api.call('POST', path, { key, json: { kind: 'complaint', channel: 'email', receivedAt: '2026-11-20T16:30:00Z' } }), status);
    });

    it.each([
      ['no receivedAt', { kind: 'complaint', channel: 'email' }, 'receivedAt'],
      ['a receipt without an offset', { kind: 'complaint', channel: 'email', receivedAt: '2026-11-20T16:30:00' }, 'receivedAt'],
      ['an unknown kind', { kind: 'grumble', channel: 'email', receivedAt: '2026-11-20T16:30:00Z' }, 'kind'],
      ['an unknown field', { kind: 'complaint', channel: 'email', receivedAt: '2026-11-20T16:30:00Z', colour: 'red' }, 'colour'],
    ])('answers 400 naming the field for %s', async (_what, body, field) => {
      const response = await api.call('POST', '/v1/policies/mimo/simulate', { key: API_KEYS.agent, json: body });
      expectProblem(response, 400);
      expect(problemFields(response)).toContain(field);
    });
  });

  describe('measuring business time', () => {
    const measure = (path: string, json: unknown, key = API_KEYS.agent) => api.call('POST', path, { key, json });

    it('counts 2 business hours from Friday 16:30 to Monday 10:30 under Mimo, explained', async () => {
      const response = await measure('/v1/policies/mimo/business-time', { from: '2026-11-20T16:30:00+00:00', to: '2026-11-23T10:30:00Z' });
      expect(expectStatus(response, 200).body).toEqual({
        policyId: 'mimo',
        version: 1,
        from: '2026-11-20T16:30:00.000Z',
        to: '2026-11-23T10:30:00.000Z',
        businessSeconds: 7200,
        explanation: expect.stringContaining('30 min Fri 20 Nov, 1 h 30 min Mon 23 Nov from 09:00'),
      });
    });

    it("counts MiT's make-up Saturday, in the policy's zone offset", async () => {
      const response = await measure('/v1/policies/mit/business-time', { from: '2026-08-21T09:00:00Z', to: '2026-08-24T02:00:00Z', version: 1 });
      // Friday 16:00 to Monday 09:00 in Hanoi: 1 h, Saturday 22 August 08:00–17:00, 1 h.
      expect(expectStatus(response, 200).body).toMatchObject({ from: '2026-08-21T16:00:00.000+07:00', businessSeconds: 11 * 3600 });
      expect(response.body.explanation).toContain('Sat 22 Aug from 08:00 (make-up working Saturday)');
    });

    it('answers 0 for a span that ends before it starts', async () => {
      const response = await measure('/v1/policies/mimo/business-time', { from: '2026-11-23T10:30:00Z', to: '2026-11-20T16:30:00Z' });
      expect(expectStatus(response, 200).body.businessSeconds).toBe(0);
    });

    it('refuses instants so far from today that measuring them would hold the service, naming them', async () => {
      const response = await measure('/v1/policies/mimo/business-time', { from: '1972-01-03T09:00:00Z', to: '2199-12-30T17:00:00Z' });
      expectProblem(response, 422);
      expect(problemFields(response)).toEqual(['from', 'to']);
    });

    it('measures under a draft document without storing it', async () => {
      const opening = [
        { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '12:00' },
        { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '14:00', to: '18:00' },
      ];
      const draft = await acmeCare({ id: 'acme-hours', calendar: { zone: 'Europe/Paris', opening } });
      const response = await measure('/v1/policies/business-time', { policy: draft, from: '2026-11-20T11:00:00+01:00', to: '2026-11-23T10:00:00+01:00' }, API_KEYS.admin);
      // Friday 11:00–12:00 and 14:00–18:00, Monday 09:00–10:00.
      expect(expectStatus(response, 200).body).toMatchObject({ policyId: 'acme-hours', version: 1, businessSeconds: 6 * 3600 });
      expectProblem(await api.get(API_KEYS.admin, '/v1/policies/acme-hours'), 404);
    });

    it.each([
      ['a submitter', API_KEYS.alice, '/v1/policies/mimo/business-time', 403],
      ['an auditor', API_KEYS.auditor, '/v1/policies/mimo/business-time', 403],
      ['an unknown policy', API_KEYS.agent, '/v1/policies/acme-nowhere/business-time', 404],
    ])('refuses %s', async (_what, key, path, status) => {
      expectProblem(await measure(path, { from: '2026-11-20T16:30:00Z', to: '2026-11-23T10:30:00Z' }, key), status);
    });

    it.each([
      ['an instant without an offset', { from: '2026-11-20T16:30:00', to: '2026-11-23T10:30:00Z' }, 'from'],
      ['no end', { from: '2026-11-20T16:30:00Z' }, 'to'],
      ['an unknown field', { from: '2026-11-20T16:30:00Z', to: '2026-11-23T10:30:00Z', zone: 'UTC' }, 'zone'],
    ])('answers 400 naming the field for %s', async (_what, body, field) => {
      const response = await measure('/v1/policies/mimo/business-time', body);
      expectProblem(response, 400);
      expect(problemFields(response)).toContain(field);
    });

    it('answers 400 naming the paths of an invalid draft', async () => {
      const draft = await acmeCare({ id: 'acme-broken', calendar: { zone: 'Mars/Base', opening: [] } });
      const response = await measure('/v1/policies/business-time', { policy: draft, from: '2026-11-20T16:30:00Z', to: '2026-11-23T10:30:00Z' });
      expectProblem(response, 400);
      expect(problemFields(response)).toEqual(expect.arrayContaining(['policy.calendar.zone']));
    });

    it('answers 422 naming `from` when no version of the policy is in force then', async () => {
      const response = await measure('/v1/policies/mimo/business-time', { from: '2020-01-03T16:30:00Z', to: '2020-01-06T10:30:00Z' });
      expectProblem(response, 422);
      expect(problemFields(response)).toEqual(['from']);
    });
  });

  describe('publishing', () => {
    // These tests build on each other: acme-care v1, then v2; the complaint and restart tests use both.
    let v1: PolicyDocument;

    it('is for admins only', async () => {
      const document = await acmeCare();
      expectProblem(await publish(document, API_KEYS.agent), 403);
      expectProblem(await publish(document, API_KEYS.alice), 403);
      expectProblem(await api.get(API_KEYS.admin, '/v1/policies/acme-care'), 404);
    });

    it('publishes a new policy with 201 and a Location naming the version', async () => {
      v1 = await acmeCare();
      const published = await publish(v1);
      expect(published.status).toBe(201);
      expect(published.headers.get('location')).toBe('/v1/policies/acme-care?version=1');
      expect(published.body).toMatchObject({ id: 'acme-care', version: 1, name: 'Acme customer care policy' });

      const read = expectStatus(await api.get(API_KEYS.agent, '/v1/policies/acme-care?version=1'), 200).body;
      expect(read).toEqual(published.body);
      const { items } = expectStatus(await api.get(API_KEYS.auditor, '/v1/policies'), 200).body;
      expect(items.find((item: { id: string }) => item.id === 'acme-care')).toMatchObject({ builtIn: false, latestVersion: 1 });
    });

    it('answers the identical document again with 200, unchanged, so a retry is safe', async () => {
      const again = await publish(v1);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ id: 'acme-care', version: 1 });
    });

    it('refuses another document under a published id and version with 409', async () => {
      const conflicting = await publish({ ...v1, name: 'Acme care, rewritten' });
      expectProblem(conflicting, 409);
      expect(conflicting.body.detail).toContain('acme-care');
      expect(expectStatus(await api.get(API_KEYS.admin, '/v1/policies/acme-care'), 200).body.name).toBe('Acme customer care policy');
    });

    it('refuses an invalid document with 400 naming every path, and stores nothing', async () => {
      const clocks = v1['clocks'] as Record<string, unknown>[];
      const invalid = {
        ...v1,
        id: 'acme-broken',
        calendar: { ...(v1['calendar'] as object), zone: 'Mars/Base' },
        clocks: [{ ...clocks[0], target: { amount: -2, unit: 'business_hours' } }, ...clocks.slice(1)],
      };
      const refused = await publish(invalid);
      expectProblem(refused, 400);
      expect(problemFields(refused)).toEqual(expect.arrayContaining(['calendar.zone', 'clocks.0.target.amount']));
      expectProblem(await api.get(API_KEYS.admin, '/v1/policies/acme-broken'), 404);
    });

    it.each([
      ['an unknown field', { extra: true }, 'extra'],
      ['no id', { id: undefined }, 'id'],
      ['version 0', { version: 0 }, 'version'],
      ['an effectiveFrom without an offset', { effectiveFrom: '2027-01-01T00:00:00' }, 'effectiveFrom'],
    ])('refuses a document with %s, naming it', async (_what, overrides, field) => {
      const refused = await publish({ ...v1, id: 'acme-broken', ...overrides });
      expectProblem(refused, 400);
      expect(problemFields(refused)).toContain(field);
    });

    it('publishes version 2 with a later effectiveFrom; both versions are listed and readable', async () => {
      const clocks = v1['clocks'] as { id: string; target: object }[];
      const v2 = {
        ...v1,
        version: 2,
        effectiveFrom: '2027-01-01T00:00:00Z',
        name: 'Acme customer care policy (2027)',
        clocks: clocks.map((clock) => (clock.id === 'acknowledgement' ? { ...clock, target: { amount: 4, unit: 'business_hours' } } : clock)),
      };
      const published = await publish(v2);
      expect(published.status).toBe(201);
      expect(published.headers.get('location')).toBe('/v1/policies/acme-care?version=2');

      const { items } = expectStatus(await api.get(API_KEYS.admin, '/v1/policies'), 200).body;
      expect(items.find((item: { id: string }) => item.id === 'acme-care')).toMatchObject({
        latestVersion: 2,
        versions: [
          { version: 1, effectiveFrom: expect.stringMatching(/^2024-01-01T00:00:00/) },
          { version: 2, effectiveFrom: expect.stringMatching(/^2027-01-01T00:00:00/) },
        ],
      });
      expect(expectStatus(await api.get(API_KEYS.admin, '/v1/policies/acme-care'), 200).body).toMatchObject({ version: 2, name: 'Acme customer care policy (2027)' });
      expect(expectStatus(await api.get(API_KEYS.admin, '/v1/policies/acme-care?version=1'), 200).body).toMatchObject({ version: 1, name: 'Acme customer care policy' });
    });

    it('lets intake take complaints under the published policy at once, under the version in force', async () => {
      const created = await api.create(API_KEYS.alice, newComplaint({ policyId: 'acme-care' }));
      expect(created.status).toBe(201);
      // Version 2 takes effect in 2027: a complaint received now follows version 1.
      expect(created.body).toMatchObject({ policyId: 'acme-care', policyVersion: 1, status: 'received' });
      expect(created.body.reference).toMatch(/^ACMECARE-\d{4}-000001$/);
    });

    it('simulates each version for the receipt it would apply to', async () => {
      const simulate = async (receivedAt: string) =>
        expectStatus(await api.call('POST', '/v1/policies/acme-care/simulate', { key: API_KEYS.agent, json: { kind: 'complaint', channel: 'email', receivedAt } }), 200).body;
      const now = await simulate('2026-11-20T16:30:00+00:00');
      expect(now.version).toBe(1);
      const ack1 = now.clocks.find((clock: { metric: string }) => clock.metric === 'acknowledgement');
      expect(ack1.dueAt).toMatch(/^2026-11-23T10:30:00/);
      const later = await simulate('2027-01-08T16:30:00+00:00');
      expect(later.version).toBe(2);
      const ack2 = later.clocks.find((clock: { metric: string }) => clock.metric === 'acknowledgement');
      // 4 business hours from Friday 16:30: 30 min Friday, 3 h 30 min Monday from 09:00.
      expect(ack2.dueAt).toMatch(/^2027-01-11T12:30:00/);
    });

    it('keeps published policies across an intake restart', async () => {
      await sut.system.stopService('intake');
      await sut.system.startService('intake');
      const { items } = expectStatus(await api.get(API_KEYS.admin, '/v1/policies'), 200).body;
      expect(items.find((item: { id: string }) => item.id === 'acme-care')).toMatchObject({ builtIn: false, latestVersion: 2, versions: [{ version: 1 }, { version: 2 }] });
      expect(expectStatus(await api.create(API_KEYS.alice, newComplaint({ policyId: 'acme-care' })), 201).body.reference).toMatch(/-000002$/);
    });

    // The sent outbox row of each version is still within its replay window: publishing it again
    // must re-queue that row rather than conflict with it.
    it('loads published policies from its database after the POLICIES stream was lost, and publishes them again', async () => {
      await sut.system.stopService('intake');
      const nc = await connect({ servers: (await testInfrastructure()).natsUrl });
      const stream = `${sut.system.namespace.toUpperCase()}_POLICIES`;
      try {
        const jsm = await nc.jetstreamManager();
        // Deleted rather than purged: a recreated stream also forgets its duplicate window, as after a real loss.
        await jsm.streams.delete(stream);
        intakeOutsideSystem = await startIntakeOrFail();

        const { items } = expectStatus(await api.get(API_KEYS.admin, '/v1/policies'), 200).body;
        expect(items.find((item: { id: string }) => item.id === 'acme-care')).toMatchObject({ latestVersion: 2, versions: [{ version: 1 }, { version: 2 }] });
        expect(expectStatus(await api.create(API_KEYS.alice, newComplaint({ policyId: 'acme-care' })), 201).body.policyVersion).toBe(1);
        await waitFor('both acme-care versions to be back on the stream', async () => (await jsm.streams.info(stream)).state.messages >= 2, 15_000);
      } finally {
        await nc.close();
      }
    });
  });


});
