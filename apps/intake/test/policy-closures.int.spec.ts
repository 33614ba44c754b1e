import { SlaClockBreachedV1 } from '@complaints/contracts';
import { Inbox, Outbox, TransactionEventSink } from '@complaints/messaging';
import { PolicyRegistry, builtInPolicies, builtInPolicy } from '@complaints/policy';
import { executeSql } from '@complaints/persistence';
import { PolicyCatalog } from '@complaints/policy-catalog';
import { ComplaintEvent, complaintEvents } from '@complaints/service-testing';
import { MikroORM } from '@mikro-orm/postgresql';
import { createSecretKey, randomBytes } from 'node:crypto';
import { ApplyPolicyClosure } from '../src/closures/apply-policy-closure';
import { ComplaintChanges } from '../src/complaints/complaint-changes';
import { ComplaintHistory } from '../src/complaints/complaint-history';
import { ComplaintSchema } from '../src/complaints/complaint.entity';
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
  const closures = new ApplyPolicyClosure(
    { registry } as PolicyCatalog,
    complaints,
    new ComplaintChanges(complaints, history),
    history,
  );
  const outbox = new Outbox('intake');
  const inbox = new Inbox('intake', 'intake-closure');
  const windowEnded = new Date('2026-04-01T16:00:00Z');

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
});
