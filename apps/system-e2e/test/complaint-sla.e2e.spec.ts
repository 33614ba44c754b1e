import { waitFor } from '@complaints/testing';
import { randomUUID } from 'node:crypto';
import { ApiResponse, expectStatus } from './support/api-client';
import { newComplaint } from './support/complaint-bodies';
import { API_KEYS } from './support/running-system';
import { ClockView, slaEventsOf } from './support/sla-probes';
import { systemForFile } from './support/system-for-file';

/*
 * SLA clocks through the gateway: intake publishes the complaint's events, sla times them
 * and the gateway shows the clocks. A complaint back-dated to a Friday afternoon weeks ago
 * has deadlines that have all passed, so sla's timers catch up and breach them at once.
 */

const DAY_MS = 24 * 3600_000;

/** 16:30 UTC on the last Friday at least two weeks ago, and 10:30 UTC on the Monday after it. */
function aPastFridayAfternoon(): { receivedAt: string; mondayMorning: string } {
  const day = new Date(Date.now() - 14 * DAY_MS);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 2) % 7));
  const friday = day.toISOString().slice(0, 10);
  const monday = new Date(Date.parse(`${friday}T00:00:00Z`) + 3 * DAY_MS).toISOString().slice(0, 10);
  return { receivedAt: `${friday}T16:30:00Z`, mondayMorning: `${monday}T10:30:00Z` };
}

const instant = (iso: string | null) => (iso === null ? null : Date.parse(iso));

type Deadline = Pick<ClockView, 'metric' | 'status' | 'startedAt' | 'dueAt' | 'warnAt'>;
const deadlinesOf = (clocks: readonly Deadline[]) =>
  clocks.map(({ metric, status, startedAt, dueAt, warnAt }) => ({ metric, status, startedAt: instant(startedAt), dueAt: instant(dueAt), warnAt: instant(warnAt) }));

describe('GET /v1/complaints/:id/sla', () => {
  const sut = systemForFile(['gateway', 'intake', 'sla'], { database: true });
  const { api } = sut;
  const { receivedAt, mondayMorning } = aPastFridayAfternoon();
  let complaintId: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests assert the shape themselves
  let created: any;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests assert the shape themselves
  const clock = (response: ApiResponse, metric: string): any =>
    (response.body.clocks as { metric: string }[]).find((candidate) => candidate.metric === metric);

  beforeAll(async () => {
    created = expectStatus(await api.create(API_KEYS.agent, newComplaint({ receivedAt })), 201).body;
    complaintId = created.id;
  });

  it('answers the submission with the deadlines the complaint starts with, as sla then times them', async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests assert the shape themselves
    const planned = new Map<string, any>(created.sla.map((deadline: { metric: string }) => [deadline.metric, deadline]));
    expect([...planned.keys()].sort()).toEqual(['acknowledgement', 'first_reply', 'resolution', 'survey_window']);
    expect(planned.get('acknowledgement')).toMatchObject({ status: 'running', explanation: expect.stringMatching(/2 business hours/) });
    expect(instant(planned.get('acknowledgement').dueAt)).toBe(Date.parse(mondayMorning));
    expect(planned.get('survey_window')).toMatchObject({ status: 'pending', dueAt: null, warnAt: null });

    const timed = await waitFor('sla to time the complaint', async () => {
      const response = await api.get(API_KEYS.agent, `/v1/complaints/${complaintId}/sla`);
      return response.status === 200 && response.body.clocks.length === planned.size && response;
    }, 15_000);
    for (const [metric, deadline] of planned) {
      const { startedAt, dueAt, warnAt } = clock(timed, metric);
      expect({ metric, startedAt: instant(startedAt), dueAt: instant(dueAt), warnAt: instant(warnAt) }).toEqual({
        metric,
        startedAt: instant(deadline.startedAt),
        dueAt: instant(deadline.dueAt),
        warnAt: instant(deadline.warnAt),
      });
    }

    // The audit register learns the same deadlines from the event sla announced them with.
    const announced = (await slaEventsOf(sut.db, complaintId)).find((event) => event.type === 'sla.clocks-changed');
    expect(announced?.data['cause']).toMatchObject({ type: 'complaint.received' });
    expect(deadlinesOf(announced?.data['clocks'] as Deadline[])).toEqual(deadlinesOf(created.sla));
  });

  it("shows a back-dated Mimo complaint's acknowledgement due the Monday after at 10:30, breached by the timers' catch-up", async () => {
    const answer = await waitFor(
      'the acknowledgement clock to be breached',
      async () => {
        const response = await api.get(API_KEYS.agent, `/v1/complaints/${complaintId}/sla`);
        return response.status === 200 && clock(response, 'acknowledgement')?.status === 'breached' && response;
      },
      15_000,
    );
    expect(answer.body).toMatchObject({ complaintId, policyId: 'mimo', policyVersion: 1 });
    const acknowledgement = clock(answer, 'acknowledgement');
    expect(instant(acknowledgement.startedAt)).toBe(Date.parse(receivedAt));
    expect(instant(acknowledgement.dueAt)).toBe(Date.parse(mondayMorning));
    expect(instant(acknowledgement.breachedAt)).toBe(Date.parse(mondayMorning));
    expect(acknowledgement.metAt).toBeNull();
    expect(acknowledgement.explanation).toMatch(/2 business hours/);
    expect(clock(answer, 'survey_window')).toMatchObject({ status: 'pending', dueAt: null });
  });

  it('records the acknowledgement when it comes, and keeps the breach the policy says it was', async () => {
    expectStatus(await api.command(API_KEYS.agent, complaintId, 'acknowledge'), 200);
    const answer = await waitFor('the acknowledgement to be recorded', async () => {
      const response = await api.get(API_KEYS.agent, `/v1/complaints/${complaintId}/sla`);
      return clock(response, 'acknowledgement')?.metAt ? response : undefined;
    });
    const acknowledgement = clock(answer, 'acknowledgement');
    expect(acknowledgement.status).toBe('breached');
    expect(instant(acknowledgement.metAt)).toBeGreaterThan(Date.parse(mondayMorning));
    // Acknowledging stops no other Mimo clock: the resolution, due five business days after receipt, stays breached.
    expect(clock(answer, 'resolution')).toMatchObject({ status: 'breached', metAt: null });
  });

  it('is for agents only, and a 404 problem for a complaint sla does not know', async () => {
    for (const key of [API_KEYS.alice, API_KEYS.auditor]) {
      expect((await api.get(key, `/v1/complaints/${complaintId}/sla`)).status).toBe(403);
    }
    const unknown = await api.get(API_KEYS.agent, `/v1/complaints/${randomUUID()}/sla`);
    expect(unknown.status).toBe(404);
    expect(unknown.contentType).toMatch(/^application\/problem\+json/);
  });
});
