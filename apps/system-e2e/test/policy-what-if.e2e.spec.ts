import { waitFor } from '@complaints/testing';
import { expectStatus, problemFields } from './support/api-client';
import { newComplaint } from './support/complaint-bodies';
import { API_KEYS } from './support/running-system';
import { systemForFile } from './support/system-for-file';

/*
 * What-if through the gateway: two Mimo complaints, back-dated 30 and 2 minutes and
 * acknowledged at once, both met Mimo's two business hours. A draft giving ten minutes
 * flips the first alone; sla replays them from the facts it recorded, and stores nothing.
 */

type Document = Record<string, unknown> & { clocks: { id: string; target: Record<string, unknown> }[] };
const MINUTE_MS = 60_000;

describe('POST /v1/policies/what-if', () => {
  const sut = systemForFile(['gateway', 'intake', 'sla']);
  const { api } = sut;
  const startedAt = Date.now();
  const window = {
    from: new Date(startedAt - 60 * MINUTE_MS).toISOString(),
    to: new Date(startedAt + 10 * MINUTE_MS).toISOString(),
  };
  let lateId: string;
  let promptId: string;
  let tenMinutes: Document;

  const whatIf = (key: string, body: Record<string, unknown>) =>
    api.call('POST', '/v1/policies/what-if', { key, json: body });

  async function acknowledgedComplaint(receivedAgoMs: number): Promise<string> {
    const receivedAt = new Date(startedAt - receivedAgoMs).toISOString();
    const { id } = expectStatus(await api.create(API_KEYS.mimoAgent, newComplaint({ receivedAt })), 201)
      .body as { id: string };
    expectStatus(await api.command(API_KEYS.mimoAgent, id, 'acknowledge'), 200);
    await waitFor(
      'sla to meet the acknowledgement',
      async () => {
        const response = await api.get(API_KEYS.mimoAgent, `/v1/complaints/${id}/sla`);
        const clocks =
          response.status === 200 ? (response.body.clocks as { metric: string; status: string }[]) : [];
        return clocks.some((clock) => clock.metric === 'acknowledgement' && clock.status === 'met');
      },
      15_000,
    );
    return id;
  }

  beforeAll(async () => {
    lateId = await acknowledgedComplaint(30 * MINUTE_MS);
    promptId = await acknowledgedComplaint(2 * MINUTE_MS);
    const mimo = expectStatus(await api.get(API_KEYS.mimoAdmin, '/v1/policies/mimo'), 200).body as Document;
    tenMinutes = {
      ...mimo,
      version: (mimo['version'] as number) + 1,
      clocks: mimo.clocks.map((clock) =>
        clock.id === 'acknowledgement' ? { ...clock, target: { amount: 10, unit: 'minutes' } } : clock,
      ),
    };
  }, 60_000);

  it("flips the complaint acknowledged after the draft's ten minutes, from met to breached, and that one only", async () => {
    const response = expectStatus(await whatIf(API_KEYS.mimoAdmin, { policy: tenMinutes, ...window }), 200);

    expect(response.body).toMatchObject({ policyId: 'mimo', complaints: 2, nextCursor: null });
    expect(response.body.flips).toEqual([
      expect.objectContaining({
        complaintId: lateId,
        metric: 'acknowledgement',
        actual: 'met',
        wouldBe: 'breached',
      }),
    ]);
    expect(response.body.metrics).toContainEqual(
      expect.objectContaining({
        metric: 'acknowledgement',
        actual: expect.objectContaining({ met: 2 }),
        wouldBe: expect.objectContaining({ met: 1, breached: 1 }),
        flipped: 1,
      }),
    );
    expect(response.body.flips.map((flip: { complaintId: string }) => flip.complaintId)).not.toContain(
      promptId,
    );
  });

  it('flips none under the published version named by id and version', async () => {
    const response = expectStatus(
      await whatIf(API_KEYS.mimoAdmin, { policy: { id: 'mimo', version: 1 }, ...window }),
      200,
    );
    expect(response.body).toMatchObject({ complaints: 2, flips: [] });
  });

  it("is for admins, and only of their own organisation's policies", async () => {
    expect((await whatIf(API_KEYS.mimoAgent, { policy: tenMinutes, ...window })).status).toBe(403);
    const mitDraft = await whatIf(API_KEYS.mitAdmin, { policy: tenMinutes, ...window });
    expect({ status: mitDraft.status, fields: problemFields(mitDraft) }).toEqual({
      status: 422,
      fields: ['policy.id'],
    });
    expect((await whatIf(API_KEYS.mitAdmin, { policy: { id: 'mimo', version: 1 }, ...window })).status).toBe(
      404,
    );
  });

  it('answers bad input with a problem naming the field', async () => {
    const tooLong = await whatIf(API_KEYS.mimoAdmin, {
      policy: tenMinutes,
      from: window.from,
      to: new Date(startedAt + 91 * 24 * 60 * MINUTE_MS).toISOString(),
    });
    const tooMany = await whatIf(API_KEYS.mimoAdmin, { policy: tenMinutes, ...window, limit: 100_001 });
    const badDraft = await whatIf(API_KEYS.mimoAdmin, {
      policy: { ...tenMinutes, calendar: 'always' },
      ...window,
    });
    const noFrom = await whatIf(API_KEYS.mimoAdmin, { policy: { id: 'mimo', version: 1 }, to: window.to });

    expect(
      [tooLong, tooMany, badDraft, noFrom].map((response) => ({
        status: response.status,
        fields: problemFields(response),
        type: response.contentType,
      })),
    ).toEqual([
      { status: 422, fields: ['to'], type: expect.stringMatching(/^application\/problem\+json/) },
      { status: 422, fields: ['limit'], type: expect.stringMatching(/^application\/problem\+json/) },
      {
        status: 400,
        fields: ['policy.calendar'],
        type: expect.stringMatching(/^application\/problem\+json/),
      },
      { status: 400, fields: ['from'], type: expect.stringMatching(/^application\/problem\+json/) },
    ]);
  });
});
