import { EscalationLevelRaisedV1, EventData } from '@complaints/contracts';
import { NotFoundError } from '@complaints/domain';
import { Inbox, createEvent } from '@complaints/messaging';
import { executeSql } from '@complaints/persistence';
import { MikroORM } from '@mikro-orm/postgresql';
import { createSecretKey, randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { ComplaintHistory } from '../src/complaints/complaint-history';
import { ComplaintSchema } from '../src/complaints/complaint.entity';
import { SqlComplaintRepository } from '../src/complaints/sql-complaint.repository';
import { EscalationEventsHandler } from '../src/escalations/escalation-events.handler';
import { FollowEscalationLevel } from '../src/escalations/follow-escalation-level';
import { PersonalDataCipher } from '../src/personal-data/personal-data-cipher';
import { IntakeDatabase, openIntakeDatabase } from './intake-database';
import { storeComplaint } from './stored-complaint';

describe(FollowEscalationLevel.name, () => {
  let db: IntakeDatabase;
  let orm: MikroORM;
  const cipher = new PersonalDataCipher([{ id: 'test', secret: createSecretKey(randomBytes(32)) }]);
  const handler = new EscalationEventsHandler(new FollowEscalationLevel(new SqlComplaintRepository(), new ComplaintHistory(cipher)));
  // The durable name EscalationLevelsModule registers, so the inbox behaves as in the service.
  const inbox = new Inbox('intake', 'intake-escalation');

  beforeAll(async () => {
    db = await openIntakeDatabase();
    orm = db.orm;
  });
  afterAll(() => db.close());

  const newComplaint = async (): Promise<string> => (await storeComplaint(orm)).id;

  function levelRaised(complaintId: string, fromLevel: number, toLevel: number) {
    const data: EventData<typeof EscalationLevelRaisedV1> = {
      policyId: 'mimo',
      policyVersion: 1,
      fromLevel,
      toLevel,
      levelName: `Level ${toLevel}`,
      notifies: [`level_${toLevel}`],
      trigger: 'clock_breach',
      metric: 'resolution',
      final: toLevel === 4,
    };
    return createEvent(EscalationLevelRaisedV1, {
      complaintId,
      actor: { kind: 'service', id: 'escalation' },
      data,
    });
  }

  function deliver(envelope: ReturnType<typeof levelRaised>) {
    return inbox.processOnce(orm.em, envelope, (tx) =>
      handler.handle({ envelope, contract: EscalationLevelRaisedV1, deliveryCount: 1 }, tx),
    );
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

  it('refuses a step for a complaint intake does not have, so the event is retried rather than dropped', async () => {
    const raised = levelRaised(uuidv7(), 1, 2);
    await expect(deliver(raised)).rejects.toBeInstanceOf(NotFoundError);
    expect(await inbox.processOnce(orm.em, raised, async () => 'retried')).toEqual({
      status: 'processed',
      value: 'retried',
    });
  });
});
