import { Inbox } from '@complaints/messaging';
import { executeSql } from '@complaints/persistence';
import { complaintEvents } from '@complaints/service-testing';
import { MikroORM } from '@mikro-orm/postgresql';
import { createSecretKey, randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { ComplaintHistory } from '../src/complaints/complaint-history';
import { ComplaintSchema } from '../src/complaints/complaint.entity';
import { SqlComplaintRepository } from '../src/complaints/sql-complaint.repository';
import { EscalationLevelsConsumer } from '../src/escalations/escalation-levels.consumer';
import { FollowEscalationLevel } from '../src/escalations/follow-escalation-level';
import { PersonalDataCipher } from '@complaints/persistence';
import { ComplaintDataKeys } from '../src/personal-data/complaint-data-keys';
import { IntakeDatabase, openIntakeDatabase } from './intake-database';
import { storeComplaint } from './stored-complaint';

describe(FollowEscalationLevel.name, () => {
  let db: IntakeDatabase;
  let orm: MikroORM;
  const keys = new ComplaintDataKeys(new PersonalDataCipher([{ id: 'test', secret: createSecretKey(randomBytes(32)) }]));
  const consumer = new EscalationLevelsConsumer(new FollowEscalationLevel(new SqlComplaintRepository(), new ComplaintHistory(keys)));
  // The consumer's durable name, so the inbox behaves as in the service.
  const inbox = new Inbox('intake', consumer.durable);

  beforeAll(async () => {
    db = await openIntakeDatabase();
    orm = db.orm;
  });
  afterAll(() => db.close());

  const newComplaint = async (): Promise<string> => (await storeComplaint(orm)).id;

  const levelRaised = (complaintId: string, fromLevel: number, toLevel: number) =>
    complaintEvents({ complaintId }).escalationLevelRaised(fromLevel, toLevel);

  function deliver(envelope: Parameters<typeof consumer.handle>[0]) {
    return inbox.processOnce(orm.em, envelope, (tx) => consumer.handle(envelope, tx));
  }

  async function levelOf(complaintId: string): Promise<number> {
    const complaint = await orm.em.fork().findOneOrFail(ComplaintSchema, { id: complaintId });
    return complaint.escalationLevel;
  }

  function historyOf(complaintId: string) {
    return executeSql<{ event_id: string; type: string }>(
      orm.em.fork(),
      `select event_id, type from intake.complaint_history where complaint_id = ? order by occurred_at, event_id`,
      [complaintId],
    );
  }

  it('sets the complaint’s level and puts the step on its timeline', async () => {
    const complaintId = await newComplaint();
    const raised = levelRaised(complaintId, 1, 2);
    expect((await deliver(raised)).status).toBe('processed');
    expect(await levelOf(complaintId)).toBe(2);
    expect(await historyOf(complaintId)).toEqual([{ event_id: raised.id, type: 'escalation.level-raised' }]);
  });

  it('does nothing when the same event is delivered again', async () => {
    const complaintId = await newComplaint();
    const raised = levelRaised(complaintId, 1, 2);
    await deliver(raised);
    expect((await deliver(raised)).status).toBe('duplicate');
    expect(await levelOf(complaintId)).toBe(2);
    expect(await historyOf(complaintId)).toHaveLength(1);
  });

  it('never lowers the level when an earlier step arrives after a later one', async () => {
    const complaintId = await newComplaint();
    const toTwo = levelRaised(complaintId, 1, 2);
    const toThree = levelRaised(complaintId, 2, 3);
    await deliver(toThree);
    await deliver(toTwo);
    expect(await levelOf(complaintId)).toBe(3);
    expect((await historyOf(complaintId)).map((entry) => entry.event_id)).toEqual([toTwo.id, toThree.id]);
  });

  it('follows a step undone for a withdrawn breach back down, and puts it on the timeline', async () => {
    const complaintId = await newComplaint();
    const raised = levelRaised(complaintId, 1, 2);
    const lowered = complaintEvents({ complaintId }).escalationLevelLowered(2, 1, raised.id);
    await deliver(raised);
    expect((await deliver(lowered)).status).toBe('processed');
    expect(await levelOf(complaintId)).toBe(1);
    expect((await historyOf(complaintId)).map((entry) => entry.type)).toEqual(['escalation.level-raised', 'escalation.level-lowered']);
  });

  it('keeps a higher level reached by another step when an undoing arrives after it', async () => {
    const complaintId = await newComplaint();
    await deliver(levelRaised(complaintId, 1, 2));
    await deliver(levelRaised(complaintId, 2, 3));
    await deliver(complaintEvents({ complaintId }).escalationLevelLowered(2, 1, uuidv7()));
    expect(await levelOf(complaintId)).toBe(3);
  });

  it('rejects a step for a complaint intake does not have, so the event waits in the dead letters rather than being dropped', async () => {
    const raised = levelRaised(uuidv7(), 1, 2);
    const outcome = await orm.em.fork().transactional((tx) => consumer.handle(raised, tx));
    expect(outcome).toEqual({ kind: 'reject', reason: `intake has no complaint ${raised.complaintId}` });
  });
});
