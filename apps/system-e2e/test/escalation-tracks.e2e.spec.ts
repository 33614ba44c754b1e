import { SurveyAnsweredV1 } from '@complaints/contracts';
import { JetStreamEventPublisher, Topology, createEvent } from '@complaints/messaging';
import { testInfrastructure, waitFor } from '@complaints/testing';
import { NatsConnection, connect } from 'nats';
import { randomUUID } from 'node:crypto';
import { expectStatus } from './support/api-client';
import { newComplaint } from './support/complaint-bodies';
import { API_KEYS } from './support/running-system';
import { command, createComplaint } from './support/sla-probes';
import { systemForFile } from './support/system-for-file';

/*
 * The escalation service's two other tracks, across the running services: MiT's dispute
 * tiers, changed by an agent through the gateway, and a dissatisfied survey answer, published
 * on the SURVEYS stream as the feedback service will, raising a Mimo complaint one level.
 */

describe('dispute tiers and survey answers through the running services', () => {
  const sut = systemForFile(['gateway', 'intake', 'escalation'], { database: true });
  const { api } = sut;
  let nats: NatsConnection;

  beforeAll(async () => {
    nats = await connect({ servers: (await testInfrastructure()).natsUrl });
  });
  afterAll(() => nats.close());

  async function escalationEvents(complaintId: string, type: string): Promise<Record<string, unknown>[]> {
    const { rows } = await sut.db.query<{ payload: { type: string; actor: unknown; data: Record<string, unknown> } }>(
      `select payload from escalation.outbox where complaint_id = $1 order by created_at`,
      [complaintId],
    );
    return rows.filter((row) => row.payload.type === type).map((row) => ({ ...row.payload.data, actor: row.payload.actor }));
  }

  it('announces each MiT tier change with the tier, its name and who made it', async () => {
    const id = await createComplaint(api, newComplaint({ policyId: 'mit', channel: 'email' }));
    await command(api, id, 'dispute-tier', { tier: '2', reason: 'The customer asked for mediation.' });
    await command(api, id, 'dispute-tier', { tier: '3', reason: 'Mediation failed.' });

    const changes = await waitFor('escalation to announce both tier changes', async () => {
      const announced = await escalationEvents(id, 'escalation.dispute-tier-changed');
      return announced.length === 2 && announced;
    }, 15_000, 100);
    const agent = { kind: 'client', id: expect.any(String) };
    expect(changes).toEqual([
      expect.objectContaining({ policyId: 'mit', fromTier: null, toTier: 2, final: false, changedBy: agent }),
      expect.objectContaining({ policyId: 'mit', fromTier: 2, toTier: 3, final: true, changedBy: agent }),
    ]);
    expect((changes[1] as { tierName: string }).tierName).toMatch(/\S/);
  });

  it('raises a Mimo complaint one level on a dissatisfied answer, and not on a satisfied one', async () => {
    const [unhappy, happy] = await Promise.all([
      createComplaint(api, newComplaint({ policyId: 'mimo' })),
      createComplaint(api, newComplaint({ policyId: 'mimo' })),
    ]);
    for (const id of [unhappy, happy]) await command(api, id, 'resolve', { summary: 'Refunded.' });

    const publisher = new JetStreamEventPublisher(nats.jetstream());
    const topology = new Topology(sut.system.namespace);
    for (const [id, score] of [[unhappy, 1], [happy, 5]] as const) {
      const answer = createEvent(SurveyAnsweredV1, {
        complaintId: id,
        actor: { kind: 'service', id: 'feedback' },
        data: {
          policyId: 'mimo',
          policyVersion: 1,
          surveyId: randomUUID(),
          score,
          scale: { min: 1, max: 5 },
          dissatisfied: score <= 2,
          satisfied: score >= 4,
          answeredAt: new Date().toISOString(),
        },
      });
      await publisher.publish({ subject: topology.eventSubject(SurveyAnsweredV1), envelope: answer });
    }

    const levelOf = async (id: string): Promise<number> =>
      expectStatus(await api.get(API_KEYS.agent, `/v1/complaints/${id}`), 200).body.escalationLevel;
    await waitFor('the unhappy customer’s complaint to reach level 2', async () => (await levelOf(unhappy)) === 2, 15_000, 100);
    const raised = await escalationEvents(unhappy, 'escalation.level-raised');
    expect(raised).toEqual([expect.objectContaining({ fromLevel: 1, toLevel: 2, trigger: 'dissatisfied_survey', metric: null })]);
    expect(await levelOf(happy)).toBe(1);
    expect(await escalationEvents(happy, 'escalation.level-raised')).toEqual([]);
  });
});
