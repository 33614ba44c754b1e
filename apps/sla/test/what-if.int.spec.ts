import { WhatIfRequest, WhatIfResult } from '@complaints/contracts';
import { InvalidInputError, NotFoundError } from '@complaints/domain';
import { Inbox, Outbox, TransactionEventSink } from '@complaints/messaging';
import { PolicyDocument, PolicyRegistry, builtInPolicies, builtInPolicy } from '@complaints/policy';
import { complaintEvents } from '@complaints/service-testing';
import { ApplyComplaintEvent } from '../src/clocks/apply-complaint-event';
import { ClockTimerWriter } from '../src/clocks/clock-timer-writer';
import { ComplaintEnvelope } from '../src/clocks/complaint-event-rules';
import { SqlComplaintClocksRepository } from '../src/clocks/sql-complaint-clocks.repository';
import { SqlComplaintEventLog } from '../src/clocks/sql-complaint-event-log';
import { TimerStore } from '../src/timers/timer-store';
import { RunWhatIf } from '../src/what-if/run-what-if';
import { SqlComplaintsToReplay } from '../src/what-if/sql-complaints-to-replay';
import { FakeClock, TimerTestDatabase } from './timer-fixture';

const mimo = builtInPolicy('mimo');
/** Mimo with its acknowledgement due within one business hour instead of two. */
const halvedAcknowledgement: PolicyDocument = {
  ...mimo,
  version: 2,
  clocks: mimo.clocks.map((clock) =>
    clock.id === 'acknowledgement' ? { ...clock, target: { ...clock.target, amount: 1 } } : clock,
  ),
};
const MIMO_ADMIN = { name: 'mimo-admin', role: 'admin', organisationId: 'mimo' } as const;
const MIT_ADMIN = { name: 'mit-admin', role: 'admin', organisationId: 'mit' } as const;

/*
 * Mimo complaints received on Friday 20 November 2026 at 16:30 UTC, fed through sla's own
 * event rules into PostgreSQL, each acknowledged at a known instant. Mimo's acknowledgement is
 * due two business hours later (Monday 10:30); halved, one hour (Monday 09:30). The replay is
 * judged on Monday at noon.
 */
describe(RunWhatIf.name, () => {
  const receivedAt = '2026-11-20T16:30:00Z';
  const clock = new FakeClock(new Date(receivedAt));
  const policies = new PolicyRegistry(builtInPolicies());
  const applyEvent = new ApplyComplaintEvent(
    new SqlComplaintClocksRepository(),
    new SqlComplaintEventLog(),
    policies,
    new ClockTimerWriter(new TimerStore(clock)),
    clock,
  );
  const inbox = new Inbox('sla', 'sla');
  const outbox = new Outbox('sla');
  const acknowledgedAt = {
    withinBoth: ['2026-11-20T16:45:00Z', '2026-11-23T09:15:00Z', '2026-11-23T09:30:00Z'],
    betweenTargets: ['2026-11-23T09:31:00Z', '2026-11-23T10:00:00Z', '2026-11-23T10:30:00Z'],
    afterBoth: ['2026-11-23T11:00:00Z'],
  };
  const flipping = new Set<string>();
  let db: TimerTestDatabase;
  let runWhatIf: RunWhatIf;

  async function deliver(event: ComplaintEnvelope): Promise<void> {
    clock.set(new Date(event.occurredAt));
    await inbox.processOnce(db.orm.em, event, (tx) =>
      applyEvent.execute(tx, new TransactionEventSink(outbox, tx), event),
    );
  }

  async function complaintAcknowledged(
    received: string,
    acknowledged: string,
    policyId = 'mimo',
  ): Promise<string> {
    const events = complaintEvents({ policyId });
    await deliver(events.received(received));
    await deliver(events.acknowledged(acknowledged));
    return events.complaintId;
  }

  const replay = (request: Partial<WhatIfRequest>, run = runWhatIf): Promise<WhatIfResult> =>
    run.execute({
      principal: MIMO_ADMIN,
      subject: { policy: halvedAcknowledgement as unknown as Record<string, unknown> },
      from: '2026-11-20T00:00:00Z',
      to: '2026-11-21T00:00:00Z',
      ...request,
    });

  beforeAll(async () => {
    db = await TimerTestDatabase.create();
    for (const at of [...acknowledgedAt.withinBoth, ...acknowledgedAt.afterBoth])
      await complaintAcknowledged(receivedAt, at);
    for (const at of acknowledgedAt.betweenTargets) flipping.add(await complaintAcknowledged(receivedAt, at));
    // Outside the window, and another policy's inside it: neither is replayed.
    await complaintAcknowledged('2026-11-19T16:30:00Z', '2026-11-20T10:00:00Z');
    await complaintAcknowledged(receivedAt, '2026-11-23T10:00:00Z', 'mit');
    clock.set(new Date('2026-11-23T12:00:00Z'));
    runWhatIf = new RunWhatIf(db.orm.em, new SqlComplaintsToReplay(), policies, clock);
  }, 60_000);
  afterAll(() => db.close());

  it('flips exactly the complaints acknowledged between the two targets, from met to breached', async () => {
    const result = await replay({});

    expect(result).toMatchObject({
      policyId: 'mimo',
      version: 2,
      complaints: 7,
      nextCursor: null,
      evaluatedAt: '2026-11-23T12:00:00.000Z',
    });
    expect(new Set(result.flips.map((flip) => flip.complaintId))).toEqual(flipping);
    expect(
      result.flips.every(
        (flip) => flip.metric === 'acknowledgement' && flip.actual === 'met' && flip.wouldBe === 'breached',
      ),
    ).toBe(true);
    expect(result.flips.find((flip) => flip.actualMetAt === '2026-11-23T10:00:00.000Z')).toMatchObject({
      actualDueAt: '2026-11-23T10:30:00.000Z',
      wouldBeDueAt: '2026-11-23T09:30:00.000Z',
    });
    const acknowledgement = result.metrics.find((metric) => metric.metric === 'acknowledgement');
    expect(acknowledgement).toMatchObject({
      actual: { met: 6, breached: 1 },
      wouldBe: { met: 3, breached: 4 },
      flipped: 3,
    });
    expect(
      result.metrics.filter((metric) => metric.metric !== 'acknowledgement').map((metric) => metric.flipped),
    ).toEqual([0, 0, 0]);
  });

  it('flips none under a draft identical to the published version, or under that version named', async () => {
    const asDraft = await replay({ subject: { policy: mimo as unknown as Record<string, unknown> } });
    const named = await replay({ subject: { policyId: 'mimo', version: 1 } });

    for (const result of [asDraft, named]) {
      expect(result).toMatchObject({ complaints: 7, flips: [] });
      expect(result.metrics.map((metric) => metric.flipped)).toEqual([0, 0, 0, 0]);
    }
  });

  it("pages through the window with the cursor, each page judged at the first page's instant", async () => {
    const pages: WhatIfResult[] = [await replay({ limit: 3 })];
    clock.set(new Date('2026-11-30T00:00:00Z'));
    try {
      while (pages.at(-1)?.nextCursor)
        pages.push(await replay({ limit: 3, cursor: pages.at(-1)?.nextCursor ?? undefined }));
    } finally {
      clock.set(new Date('2026-11-23T12:00:00Z'));
    }

    expect(pages.map((page) => page.complaints)).toEqual([3, 3, 1]);
    expect(new Set(pages.map((page) => page.evaluatedAt))).toEqual(new Set(['2026-11-23T12:00:00.000Z']));
    expect(new Set(pages.flatMap((page) => page.flips.map((flip) => flip.complaintId)))).toEqual(flipping);
  });

  it('ends a page before the complaint whose flips would overflow it', async () => {
    const twoFlipsAPage = new RunWhatIf(db.orm.em, new SqlComplaintsToReplay(), policies, clock, 2);

    const first = await replay({}, twoFlipsAPage);
    const second = await replay({ cursor: first.nextCursor ?? undefined }, twoFlipsAPage);

    expect(first.flips).toHaveLength(2);
    expect(second).toMatchObject({ flips: [expect.anything()], nextCursor: null });
    expect(first.complaints + second.complaints).toBe(7);
  });

  it('refuses a window over 90 days, a page over 100,000 complaints and a cursor it did not make, naming each field', async () => {
    await expect(replay({ to: '2027-02-19T00:00:01Z' })).rejects.toThrow(
      expect.objectContaining({
        constructor: InvalidInputError,
        fieldErrors: [expect.objectContaining({ field: 'to' })],
      }),
    );
    await expect(replay({ to: '2026-11-20T00:00:00Z' })).rejects.toMatchObject({
      fieldErrors: [{ field: 'to', message: 'must be after from' }],
    });
    await expect(replay({ limit: 100_001 })).rejects.toMatchObject({
      fieldErrors: [expect.objectContaining({ field: 'limit' })],
    });
    await expect(replay({ cursor: 'not-a-cursor' })).rejects.toMatchObject({
      fieldErrors: [expect.objectContaining({ field: 'cursor' })],
    });
  });

  it("replays only a policy of the caller's organisation, under a draft that keeps its id and organisation", async () => {
    await expect(replay({ principal: MIT_ADMIN })).rejects.toMatchObject({
      fieldErrors: [expect.objectContaining({ field: 'policy.id' })],
    });
    await expect(replay({ principal: MIT_ADMIN, subject: { policyId: 'mimo', version: 1 } })).rejects.toThrow(
      NotFoundError,
    );
    await expect(
      replay({
        subject: {
          policy: { ...halvedAcknowledgement, id: 'mimo-next' } as unknown as Record<string, unknown>,
        },
      }),
    ).rejects.toMatchObject({ fieldErrors: [expect.objectContaining({ field: 'policy.id' })] });
    await expect(
      replay({
        subject: {
          policy: { ...halvedAcknowledgement, organisationId: 'mit' } as unknown as Record<string, unknown>,
        },
      }),
    ).rejects.toMatchObject({ fieldErrors: [expect.objectContaining({ field: 'policy.organisationId' })] });
  });
});
