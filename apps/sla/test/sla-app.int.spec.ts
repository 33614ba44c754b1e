import { STREAMS } from '@complaints/contracts';
import { executeSql } from '@complaints/persistence';
import { MikroORM } from '@mikro-orm/postgresql';
import { TestService, complaintEvents, startTestService } from '@complaints/service-testing';
import { waitFor } from '@complaints/testing';
import { GetComplaintClocks } from '../src/clocks/get-complaint-clocks';
import { startSla } from '../src/sla-app';
import { SlaConfig, slaEnvSchema, toSlaConfig } from '../src/sla-config';

describe('the sla service', () => {
  let sla: TestService<SlaConfig>;

  beforeAll(async () => {
    sla = await startTestService({
      envSchema: slaEnvSchema,
      toConfig: toSlaConfig,
      start: startSla,
      env: { SLA_TIMER_LEASE_MS: '2000', SLA_REPORT_REFRESH_INTERVAL_MS: '1000' },
    });
  }, 30_000);

  afterAll(() => sla?.close());

  it('times a complaint from its events on the COMPLAINTS stream, and announces an overdue breach on the SLA stream', async () => {
    // Received on a Friday afternoon two years ago: every deadline has passed, so its timers fire at once.
    const events = complaintEvents();
    await sla.bus.publish(events.received('2024-11-22T16:30:00Z'));

    const getClocks = sla.app.get(GetComplaintClocks);
    const request = {
      principal: { name: 'test', role: 'agent', organisationId: '*' },
      complaintId: events.complaintId,
    } as const;
    const clocks = await waitFor('the acknowledgement clock to be breached', async () => {
      const view = await getClocks.execute(request);
      const acknowledgement = view.clocks.find((clock) => clock.metric === 'acknowledgement');
      return acknowledgement?.status === 'breached' && view.clocks;
    });
    expect(clocks.find((clock) => clock.metric === 'acknowledgement')).toMatchObject({
      dueAt: '2024-11-25T10:30:00.000Z',
      breachedAt: '2024-11-25T10:30:00.000Z',
    });
    await waitFor('breaches on the SLA stream', async () => (await sla.bus.messageCount(STREAMS.sla)) >= 1);
  });

  it("counts its clocks into the SLA report's days in the background, with no report asked for", async () => {
    const events = complaintEvents();
    await sla.bus.publish(events.received('2025-03-14T09:00:00Z'));
    const em = sla.app.get(MikroORM).em.fork();
    const days = await waitFor('the day of the new clocks to be counted', async () => {
      const [pending] = await executeSql<{ count: string }>(em, `select count(*) from sla.report_changes`);
      const counted = await executeSql<{ metric: string; started: number }>(
        em,
        `select metric, started from sla.report_days where policy_id = 'mimo' and day = '2025-03-14' order by metric`,
      );
      return Number(pending?.count) === 0 && counted.length > 0 && counted;
    });
    // Received long ago: its acknowledgement was breached at once, so it is settled and counted.
    expect(days.map((day) => day.metric)).toContain('acknowledgement');
  });
});
