import { Actor, SlaClockBreachWithdrawnV1, SlaClockBreachedV1 } from '@complaints/contracts';
import { CloseReason, PLATFORM_WIDE } from '@complaints/domain';
import { Inbox, Outbox, TransactionEventSink } from '@complaints/messaging';
import { PolicyRegistry, builtInPolicies, builtInPolicy } from '@complaints/policy';
import { executeSql } from '@complaints/persistence';
import { PolicyCatalog } from '@complaints/policy-catalog';
import { ComplaintEvent, complaintEvents } from '@complaints/service-testing';
import { MikroORM } from '@mikro-orm/postgresql';
import { createSecretKey, randomBytes } from 'node:crypto';
import { ApplyPolicyClosure } from '../src/closures/apply-policy-closure';
import { RecordBreachWithdrawal } from '../src/closures/record-breach-withdrawal';
import { SqlClockBreachRepository } from '../src/closures/sql-clock-breaches.repository';
import { changeLifecycle } from '../src/complaints/complaint';
import { ComplaintChanges } from '../src/complaints/complaint-changes';
import { ComplaintHistory } from '../src/complaints/complaint-history';
import { ComplaintSchema } from '../src/complaints/complaint.entity';
import { lifecycleChange } from '../src/complaints/lifecycle-change';
import { ListComplaints } from '../src/complaints/list-complaints';
import { SqlComplaintRepository } from '../src/complaints/sql-complaint.repository';
import { PersonalDataCipher } from '@complaints/persistence';
import { ComplaintDataKeys } from '../src/personal-data/complaint-data-keys';
import { complaintWrites } from './complaint-writes';
import { IntakeDatabase, openIntakeDatabase } from './intake-database';
import { storeComplaint } from './stored-complaint';

/** What intake makes of sla's breaches of Modmount's closure windows, against its real tables. */
describe(ApplyPolicyClosure.name, () => {
  let db: IntakeDatabase;
  let orm: MikroORM;
  const keys = new ComplaintDataKeys(new PersonalDataCipher([{ id: 'test', secret: createSecretKey(randomBytes(32)) }]));
  const registry = new PolicyRegistry(builtInPolicies());
  // A version of Modmount whose rules leave the closure to an agent.
  const modmount = builtInPolicy('modmount');
  registry.publish({
    ...modmount,
    version: 2,
    effectiveFrom: '2026-01-01T00:00:00Z',
    closure: modmount.closure.map((rule) => ({ ...rule, mode: 'may_close' })),
  });
  // The catalog's registry is all the use case reads; following the POLICIES stream is not under test here.
  const history = new ComplaintHistory(keys);
  const complaints = new SqlComplaintRepository();
  const breaches = new SqlClockBreachRepository();
  const changes = new ComplaintChanges(complaints, history);
  const closures = new ApplyPolicyClosure(
    { registry } as PolicyCatalog,
    complaints,
    breaches,
    changes,
    history,
  );
  const withdrawals = new RecordBreachWithdrawal(complaints, breaches, history, changes);
  const outbox = new Outbox('intake');
  const inbox = new Inbox('intake', 'intake-closure');
  const withdrawalInbox = new Inbox('intake', 'intake-breach-withdrawals');
  const windowEnded = new Date('2026-04-01T16:00:00Z');
  const AGENT: Actor = { kind: 'client', id: 'agent' };

  beforeAll(async () => {
    db = await openIntakeDatabase();
    orm = db.orm;
  });
  afterAll(() => db.close());

  type Breach = ComplaintEvent<typeof SlaClockBreachedV1>;

  /** sla's breach of a Modmount clock, detected on time as the window ended. */
  const breach = (complaintId: string, metric: string, policyVersion = 1): Breach =>
    complaintEvents({ complaintId, policyId: 'modmount', policyVersion }).clockBreached(metric, windowEnded.toISOString());

  const deliver = (event: Breach) =>
    inbox.processOnce(orm.em, event, (tx) => closures.execute(tx, new TransactionEventSink(outbox, tx), event));

  type Withdrawal = ComplaintEvent<typeof SlaClockBreachWithdrawnV1>;

  /** sla's withdrawal of the breach of `metric` at the window's end: the clock was met an hour before. */
  const withdrawalOf = (complaintId: string, metric: string): Withdrawal =>
    complaintEvents({ complaintId, policyId: 'modmount' }).clockBreachWithdrawn(
      metric,
      windowEnded.toISOString(),
      new Date(windowEnded.getTime() - 3_600_000).toISOString(),
    );

  const withdraw = (withdrawal: Withdrawal) =>
    orm.em.fork().transactional((tx) => withdrawals.execute(tx, new TransactionEventSink(outbox, tx), withdrawal));

  /** The withdrawal as its consumer receives it, through the inbox that absorbs redeliveries. */
  const deliverWithdrawal = (withdrawal: Withdrawal) =>
    withdrawalInbox.processOnce(orm.em, withdrawal, (tx) => withdrawals.execute(tx, new TransactionEventSink(outbox, tx), withdrawal));

  /** An agent closes the complaint through the same state machine and event as the API's close. */
  const agentCloses = (id: string, reason: CloseReason) =>
    orm.em.fork().transactional(async (tx) => {
      const complaint = await complaints.lockForChange(tx, id);
      if (!complaint) throw new Error(`no complaint ${id}`);
      const now = new Date();
      const close = lifecycleChange({ type: 'close', body: { reason } }, modmount, now);
      await changes.commit(tx, new TransactionEventSink(outbox, tx), changeLifecycle(complaint, close, now), AGENT);
    });

  /** Whether `GET /v1/complaints?breached=true` lists the complaint. */
  const listedAsBreached = async (id: string) => {
    const page = await new ListComplaints(orm.em).execute({
      principal: { name: 'agent', role: 'agent', organisationId: PLATFORM_WIDE },
      filter: { breached: true, policyId: 'modmount' },
      limit: 100,
    });
    return page.items.some((item) => item.id === id);
  };

  const complaintNow = (id: string) => orm.em.fork().findOneOrFail(ComplaintSchema, { id });

  const written = (id: string) => complaintWrites(orm, id);

  it('closes a complaint still awaiting the customer as non_cooperation, as the rule, with the event and a noted history entry', async () => {
    const { id } = await storeComplaint(orm, { policyId: 'modmount', status: 'awaiting_customer' });
    const event = breach(id, 'non_cooperation');
    expect(await deliver(event)).toMatchObject({ status: 'processed', value: { kind: 'close', reason: 'non_cooperation' } });
    expect(await complaintNow(id)).toMatchObject({ status: 'closed', closeReason: 'non_cooperation' });
    const { outbox, history } = await written(id);
    expect(outbox).toEqual([
      expect.objectContaining({
        type: 'complaint.closed',
        actor: { kind: 'system', id: 'policy-closure-rule' },
        data: expect.objectContaining({ reason: 'non_cooperation', previousStatus: 'awaiting_customer', status: 'closed' }),
      }),
    ]);
    expect(history).toEqual([{ type: 'complaint.closed', note: true }]);

    // The same breach delivered again changes nothing.
    expect((await deliver(event)).status).toBe('duplicate');
    expect((await written(id)).outbox).toHaveLength(1);
  });

  it('leaves open a complaint whose customer replied after the window ended', async () => {
    const { id } = await storeComplaint(orm, { policyId: 'modmount', status: 'awaiting_customer' });
    const repliedLate = new Date(windowEnded.getTime() + 60_000);
    await executeSql(
      orm.em.fork(),
      `insert into intake.complaint_history (event_id, complaint_id, type, version, occurred_at, actor, data)
       values (gen_random_uuid(), ?, 'complaint.customer-replied', 1, ?, '{"kind":"client","id":"agent"}', '{}')`,
      [id, repliedLate],
    );
    expect(await deliver(breach(id, 'non_cooperation'))).toMatchObject({
      value: { kind: 'none', why: 'the customer replied after the window ended' },
    });
    expect(await complaintNow(id)).toMatchObject({ status: 'awaiting_customer', closeReason: null });
    expect((await written(id)).outbox).toEqual([]);
  });

  it('under may_close puts the breach on the timeline for an agent and closes nothing', async () => {
    const { id } = await storeComplaint(orm, { policyId: 'modmount', policyVersion: 2, status: 'in_progress' });
    const event = breach(id, 'stale', 2);
    expect(await deliver(event)).toMatchObject({ value: { kind: 'propose', reason: 'stale' } });
    expect(await complaintNow(id)).toMatchObject({ status: 'in_progress', closeReason: null });
    const { outbox, history } = await written(id);
    expect(outbox).toEqual([]);
    expect(history).toEqual([{ type: 'sla.clock-breached', note: true }]);
  });

  it('marks the complaint breached for a clock no rule names, and does nothing else', async () => {
    const { id } = await storeComplaint(orm, { policyId: 'modmount', status: 'in_progress' });
    expect((await complaintNow(id)).breached).toBe(false);
    expect(await deliver(breach(id, 'acknowledgement'))).toMatchObject({ value: { kind: 'none' } });
    expect(await written(id)).toEqual({ outbox: [], history: [] });
    expect((await complaintNow(id)).breached).toBe(true);
    // A second breach finds it marked already.
    expect(await deliver(breach(id, 'resolution'))).toMatchObject({ value: { kind: 'none' } });
    expect((await complaintNow(id)).breached).toBe(true);
  });

  it('unmarks the complaint breached once the withdrawals leave none of its breaches standing', async () => {
    const { id } = await storeComplaint(orm, { policyId: 'modmount', status: 'in_progress' });
    await deliver(breach(id, 'acknowledgement'));
    await deliver(breach(id, 'resolution'));
    expect(await listedAsBreached(id)).toBe(true);

    expect(await withdraw(withdrawalOf(id, 'acknowledgement'))).toBe(true);
    expect(await listedAsBreached(id)).toBe(true);
    expect(await withdraw(withdrawalOf(id, 'resolution'))).toBe(true);
    expect(await listedAsBreached(id)).toBe(false);
    expect((await complaintNow(id)).breached).toBe(false);
  });

  it('lets a breach processed after its withdrawal change nothing: no mark, no closure', async () => {
    const { id } = await storeComplaint(orm, { policyId: 'modmount', status: 'awaiting_customer' });
    await withdraw(withdrawalOf(id, 'non_cooperation'));
    expect(await deliver(breach(id, 'non_cooperation'))).toMatchObject({ value: { kind: 'none', why: 'sla withdrew this breach' } });
    expect(await complaintNow(id)).toMatchObject({ status: 'awaiting_customer', closeReason: null, breached: false });
    expect((await written(id)).outbox).toEqual([]);
  });

  it('withdraws the closure a withdrawn breach caused: the status it had, the event in the outbox, both on the timeline', async () => {
    const { id } = await storeComplaint(orm, { policyId: 'modmount', status: 'awaiting_customer' });
    const event = breach(id, 'non_cooperation');
    await deliver(event);
    const [closed] = (await written(id)).outbox;
    if (!closed) throw new Error('the closure rule published no closure');

    const withdrawal = withdrawalOf(id, 'non_cooperation');
    expect(await deliverWithdrawal(withdrawal)).toMatchObject({ status: 'processed', value: true });
    expect(await complaintNow(id)).toMatchObject({
      status: 'awaiting_customer',
      closedAt: null,
      closeReason: null,
      breached: false,
    });
    const { outbox: published, history: timeline } = await written(id);
    expect(published).toEqual([
      closed,
      expect.objectContaining({
        type: 'complaint.closure-withdrawn',
        actor: { kind: 'system', id: 'policy-closure-rule' },
        data: expect.objectContaining({
          status: 'awaiting_customer',
          previousStatus: 'closed',
          closedEventId: closed.id,
          reason: 'breach_withdrawn',
          breachEventId: event.id,
        }),
      }),
    ]);
    expect(timeline).toEqual([
      { type: 'complaint.closed', note: true },
      { type: 'sla.clock-breach-withdrawn', note: false },
      { type: 'complaint.closure-withdrawn', note: true },
    ]);
    expect(await history.noteOf(orm.em.fork(), id, published[1]?.id ?? '')).toBe(
      'Closure as non_cooperation withdrawn: sla withdrew the breach of the non_cooperation window at ' +
        '2026-04-01T16:00:00.000Z it was made on; the complaint is awaiting_customer again.',
    );

    // Redelivered, or withdrawn again under another id (a replay in sla), it changes nothing more.
    expect((await deliverWithdrawal(withdrawal)).status).toBe('duplicate');
    await deliverWithdrawal(withdrawalOf(id, 'non_cooperation'));
    expect((await written(id)).outbox).toHaveLength(2);
    expect((await complaintNow(id)).status).toBe('awaiting_customer');
  });

  it('leaves closed a complaint an agent closed, though a breach of its window is withdrawn', async () => {
    const { id } = await storeComplaint(orm, { policyId: 'modmount', status: 'awaiting_customer' });
    await agentCloses(id, 'non_cooperation');
    expect(await deliver(breach(id, 'non_cooperation'))).toMatchObject({ value: { kind: 'none', why: 'the complaint is closed already' } });
    await deliverWithdrawal(withdrawalOf(id, 'non_cooperation'));
    expect(await complaintNow(id)).toMatchObject({ status: 'closed', closeReason: 'non_cooperation' });
    expect((await written(id)).outbox.map((event) => event.type)).toEqual(['complaint.closed']);
  });

  it('leaves closed a complaint closed again since its closure was withdrawn', async () => {
    const { id } = await storeComplaint(orm, { policyId: 'modmount', status: 'awaiting_customer' });
    await deliver(breach(id, 'non_cooperation'));
    await deliverWithdrawal(withdrawalOf(id, 'non_cooperation'));
    await agentCloses(id, 'withdrawn');
    // sla withdraws the same breach again under another id: the agent's closure stands.
    await deliverWithdrawal(withdrawalOf(id, 'non_cooperation'));
    expect(await complaintNow(id)).toMatchObject({ status: 'closed', closeReason: 'withdrawn' });
    expect((await written(id)).outbox.map((event) => event.type)).toEqual([
      'complaint.closed',
      'complaint.closure-withdrawn',
      'complaint.closed',
    ]);
  });

  it('ends the same when the withdrawal is processed before the breach: never closed, nothing to withdraw', async () => {
    const { id } = await storeComplaint(orm, { policyId: 'modmount', status: 'awaiting_customer' });
    await deliverWithdrawal(withdrawalOf(id, 'non_cooperation'));
    await deliver(breach(id, 'non_cooperation'));
    expect(await complaintNow(id)).toMatchObject({ status: 'awaiting_customer', closeReason: null, breached: false });
    expect((await written(id)).outbox).toEqual([]);
  });
});
