import { IntakeRequests, ReplyValue, RequestContract, RequestPayload, SlaRequests } from '@complaints/contracts';
import { Topology, TracedNatsClient } from '@complaints/messaging';
import { testInfrastructure } from '@complaints/testing';
import { firstValueFrom, timeout } from 'rxjs';
import { ApiResponse, expectStatus, problemFields } from './support/api-client';
import { newComplaint } from './support/complaint-bodies';
import { API_KEYS } from './support/running-system';
import { systemForFile } from './support/system-for-file';

interface Complaint {
  id: string;
  reference: string;
  organisationId: string | null;
}

/**
 * Each organisation's people see only their own complaints and policies, on every route,
 * and the services behind the gateway check the caller themselves.
 */
describe('organisations', () => {
  const sut = systemForFile(['gateway', 'intake', 'sla']);
  const { api } = sut;
  let mimo: Complaint;
  let mit: Complaint;

  const created = async (key: string, body: Record<string, unknown>): Promise<Complaint> =>
    expectStatus(await api.create(key, newComplaint(body)), 201).body as Complaint;

  beforeAll(async () => {
    mimo = await created(API_KEYS.mimoSubmitter, { policyId: 'mimo' });
    mit = await created(API_KEYS.agent, { policyId: 'mit', channel: 'phone' });
  });

  it('gives every complaint the organisation of its policy', () => {
    expect(mimo.organisationId).toBe('mimo');
    expect(mit.organisationId).toBe('mit');
  });

  /** The complaint routes, each with the status an outsider must get. */
  const reads = [
    (id: string) => ['GET', `/v1/complaints/${id}`],
    (id: string) => ['GET', `/v1/complaints/${id}/timeline`],
    (id: string) => ['GET', `/v1/complaints/${id}/sla`],
  ] as const;
  const commands = ['acknowledge', 'escalate', 'expected-date', 'close'];
  const bodyOf: Record<string, unknown> = {
    escalate: { reason: 'The customer asked for a manager.' },
    'expected-date': { expectedAt: '2027-01-15T17:00:00+01:00', reason: 'needs the carrier' },
    close: { reason: 'withdrawn' },
  };

  /** Every 2xx answer a key got in the matrix, to scan for the other organisation's data. */
  const seenBy = new Map<string, ApiResponse[]>();
  async function as(key: string, method: string, path: string, json?: unknown): Promise<ApiResponse> {
    const response = await api.call(method, path, { key, ...(json === undefined ? {} : { json }) });
    if (response.status < 300) seenBy.set(key, [...(seenBy.get(key) ?? []), response]);
    return response;
  }

  it.each([
    ['a mimo agent', API_KEYS.mimoAgent, 'mimo'],
    ['a mit agent', API_KEYS.mitAgent, 'mit'],
  ])('%s reads and works its own complaints, and finds the other organisation’s not found', async (_who, key, own) => {
    for (const complaint of [mimo, mit]) {
      const expected = complaint.organisationId === own ? 200 : 404;
      for (const route of reads) {
        const [method, path] = route(complaint.id);
        expect({ path, status: (await as(key, method, path)).status }).toEqual({ path, status: expected });
      }
      for (const command of commands) {
        const path = `/v1/complaints/${complaint.id}/${command}`;
        const { status } = await as(key, 'POST', path, bodyOf[command] ?? {});
        // Its own complaint may refuse a step its status does not allow (409), never as unknown.
        if (expected === 404) expect({ path, status }).toEqual({ path, status: 404 });
        else expect({ path, status: [200, 409].includes(status) }).toEqual({ path, status: true });
      }
    }
  });

  it('lists only the caller’s organisation; the platform’s operators see all', async () => {
    const idsFor = async (key: string) => (expectStatus(await as(key, 'GET', '/v1/complaints?limit=100'), 200).body.items as Complaint[]);
    const forMimo = await idsFor(API_KEYS.mimoAgent);
    expect(forMimo.map((c) => c.id)).toContain(mimo.id);
    expect(new Set(forMimo.map((c) => c.organisationId))).toEqual(new Set(['mimo']));
    const forMit = await idsFor(API_KEYS.mitAgent);
    expect(forMit.map((c) => c.id)).toEqual([mit.id]);
    const forPlatform = (await idsFor(API_KEYS.agent)).map((c) => c.id);
    expect(forPlatform).toEqual(expect.arrayContaining([mimo.id, mit.id]));
    // A submitter reads its own complaints only, within its organisation.
    expect((await as(API_KEYS.mimoSubmitter, 'GET', `/v1/complaints/${mimo.id}`)).status).toBe(200);
    expect((await as(API_KEYS.mimoSubmitter, 'GET', `/v1/complaints/${mit.id}`)).status).toBe(404);
  });

  it('takes complaints only under the submitter’s own policies; another organisation’s policy or a template is refused', async () => {
    const underMit = await api.create(API_KEYS.mimoSubmitter, newComplaint({ policyId: 'mit', channel: 'phone' }));
    expect([underMit.status, problemFields(underMit)]).toEqual([422, ['policyId']]);
    const underTemplate = await api.create(API_KEYS.mimoSubmitter, newComplaint({ policyId: 'fca-disp' }));
    expect([underTemplate.status, problemFields(underTemplate)]).toEqual([422, ['policyId']]);
  });

  it('shows an organisation its policies and the templates, and another organisation’s as not found', async () => {
    const listed = (expectStatus(await as(API_KEYS.mimoAgent, 'GET', '/v1/policies'), 200).body.items as { id: string }[]).map((p) => p.id);
    expect(listed).toEqual(expect.arrayContaining(['mimo', 'cfpb', 'fca-disp']));
    expect(listed).not.toEqual(expect.arrayContaining(['mit']));
    expect(listed).not.toContain('modmount');
    expect((await as(API_KEYS.mimoAgent, 'GET', '/v1/policies/mit')).status).toBe(404);
    expect((await as(API_KEYS.mimoAgent, 'GET', '/v1/policies/mimo')).status).toBe(200);
    const simulated = await as(API_KEYS.mimoAgent, 'POST', '/v1/policies/mit/simulate', { kind: 'complaint', channel: 'phone', receivedAt: '2026-11-20T09:00:00+07:00' });
    expect(simulated.status).toBe(404);
  });

  it('lets an organisation’s admin publish its own policies only', async () => {
    const mimoPolicy = expectStatus(await api.get(API_KEYS.admin, '/v1/policies/mimo'), 200).body as Record<string, unknown>;
    const own = { ...mimoPolicy, id: 'mimo-care', name: 'Mimo care (test)', version: 1 };
    expect((await api.call('POST', '/v1/policies', { key: API_KEYS.mimoAdmin, json: own })).status).toBe(201);
    const forMit = { ...own, id: 'mit-care', organisationId: 'mit' };
    expect((await api.call('POST', '/v1/policies', { key: API_KEYS.mimoAdmin, json: forMit })).status).toBe(403);
    // Another organisation's policy id is not the admin's to take over, nor even to know of.
    const takeover = { ...own, id: 'mit', version: 2 };
    expect((await api.call('POST', '/v1/policies', { key: API_KEYS.mimoAdmin, json: takeover })).status).toBe(404);
    const template = { ...own, id: 'mimo-template', organisationId: undefined };
    expect((await api.call('POST', '/v1/policies', { key: API_KEYS.mimoAdmin, json: template })).status).toBe(403);
  });

  it('never shows one organisation a byte of the other’s complaints in any answer above', () => {
    for (const [key, other] of [
      [API_KEYS.mimoAgent, mit],
      [API_KEYS.mitAgent, mimo],
      [API_KEYS.mimoSubmitter, mit],
    ] as const) {
      const bodies = JSON.stringify((seenBy.get(key) ?? []).map((response) => response.body));
      expect(bodies.length).toBeGreaterThan(2);
      expect(bodies).not.toContain(other.id);
      expect(bodies).not.toContain(other.reference);
    }
  });

  describe('behind the gateway', () => {
    let client: TracedNatsClient;
    beforeAll(async () => {
      const { natsUrl } = await testInfrastructure();
      client = new TracedNatsClient({ servers: [natsUrl] }, new Topology(sut.system.namespace));
    });
    afterAll(() => client.close());

    async function ask<C extends RequestContract>(contract: C, payload: RequestPayload<C>): Promise<unknown> {
      return firstValueFrom(client.send(contract.pattern, payload).pipe(timeout(5_000)));
    }
    const mitAgent = { name: 'mit-agent', role: 'agent', organisationId: 'mit' } as const;

    it('intake and sla refuse a request for another organisation’s complaint sent straight on NATS', async () => {
      const notFound = { ok: false, problem: expect.objectContaining({ code: 'not_found' }) };
      expect(await ask(IntakeRequests.getComplaint, { principal: mitAgent, complaintId: mimo.id })).toEqual(notFound);
      expect(await ask(IntakeRequests.getComplaintTimeline, { principal: mitAgent, complaintId: mimo.id })).toEqual(notFound);
      expect(await ask(SlaRequests.getComplaintClocks, { principal: mitAgent, complaintId: mimo.id })).toEqual(notFound);
      const own = (await ask(IntakeRequests.getComplaint, { principal: mitAgent, complaintId: mit.id })) as { ok: true; value: ReplyValue<typeof IntakeRequests.getComplaint> };
      expect(own.value.id).toBe(mit.id);
    });
  });
});
