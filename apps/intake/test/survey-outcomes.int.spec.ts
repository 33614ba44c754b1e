import { SurveyAnsweredV1, SurveyExpiredV1 } from '@complaints/contracts';
import { Inbox, Outbox, TransactionEventSink } from '@complaints/messaging';
import { PersonalDataCipher } from '@complaints/persistence';
import { PolicyRegistry, builtInPolicies, builtInPolicy } from '@complaints/policy';
import { PolicyCatalog } from '@complaints/policy-catalog';
import { ComplaintEvent, complaintEvents } from '@complaints/service-testing';
import { MikroORM } from '@mikro-orm/postgresql';
import { createSecretKey, randomBytes } from 'node:crypto';
import { ComplaintChanges } from '../src/complaints/complaint-changes';
import { ComplaintHistory } from '../src/complaints/complaint-history';
import { ComplaintSchema } from '../src/complaints/complaint.entity';
import { SqlComplaintRepository } from '../src/complaints/sql-complaint.repository';
import { ApplySurveyOutcome } from '../src/surveys/apply-survey-outcome';
import { complaintWrites } from './complaint-writes';
import { IntakeDatabase, openIntakeDatabase } from './intake-database';
import { ComplaintDataKeys } from '../src/personal-data/complaint-data-keys';
import { storeComplaint } from './stored-complaint';

const SURVEY_ACTOR = { kind: 'system', id: 'satisfaction-survey' };

/** What intake makes of feedback's survey answers and expiries, against its real tables. */
describe(ApplySurveyOutcome.name, () => {
  let db: IntakeDatabase;
  let orm: MikroORM;
  const keys = new ComplaintDataKeys(new PersonalDataCipher([{ id: 'test', secret: createSecretKey(randomBytes(32)) }]));
  const registry = new PolicyRegistry(builtInPolicies());
  // A version of Mimo that closes complaints whose customer never answers.
  const mimo = builtInPolicy('mimo');
  registry.publish({ ...mimo, version: 2, effectiveFrom: '2026-01-01T00:00:00Z', survey: { ...mimo.survey, onNoAnswer: 'close_no_response' } });
  const history = new ComplaintHistory(keys);
  const complaints = new SqlComplaintRepository();
  const outcomes = new ApplySurveyOutcome({ registry } as PolicyCatalog, complaints, new ComplaintChanges(complaints, history), history);
  const outbox = new Outbox('intake');
  const inbox = new Inbox('intake', 'intake-surveys');

  beforeAll(async () => {
    db = await openIntakeDatabase();
    orm = db.orm;
  });
  afterAll(() => db.close());

  type SurveyEvent = ComplaintEvent<typeof SurveyAnsweredV1> | ComplaintEvent<typeof SurveyExpiredV1>;

  const deliver = (event: SurveyEvent) =>
    inbox.processOnce(orm.em, event, (tx) =>
      outcomes.execute(
        tx,
        new TransactionEventSink(outbox, tx),
        event,
        event.type === SurveyAnsweredV1.type ? { type: 'answered', data: event.data } : { type: 'expired', data: event.data },
      ),
    );

  const complaintNow = (id: string) => orm.em.fork().findOneOrFail(ComplaintSchema, { id });
  const resolved = (policyVersion = 1) => storeComplaint(orm, { policyId: 'mimo', policyVersion, status: 'resolved', resolvedAt: new Date() });

  it('closes a resolved complaint as confirmed on a satisfied answer, the survey first on the timeline, once', async () => {
    const { id } = await resolved();
    const answer = complaintEvents({ complaintId: id }).surveyAnswered(5);
    expect(await deliver(answer)).toMatchObject({ status: 'processed', value: { kind: 'close', reason: 'confirmed' } });
    expect(await complaintNow(id)).toMatchObject({ status: 'closed', closeReason: 'confirmed' });
    const written = await complaintWrites(orm, id);
    expect(written.outbox).toEqual([
      expect.objectContaining({ type: 'complaint.closed', actor: SURVEY_ACTOR, data: expect.objectContaining({ reason: 'confirmed', previousStatus: 'resolved' }) }),
    ]);
    expect(written.history).toEqual([
      { type: 'survey.answered', note: false },
      { type: 'complaint.closed', note: true },
    ]);

    expect((await deliver(answer)).status).toBe('duplicate');
    expect((await complaintWrites(orm, id)).outbox).toHaveLength(1);
  });

  it('reopens it on a dissatisfied answer, as Mimo says', async () => {
    const { id } = await resolved();
    expect(await deliver(complaintEvents({ complaintId: id }).surveyAnswered(1))).toMatchObject({ value: { kind: 'reopen' } });
    expect(await complaintNow(id)).toMatchObject({ status: 'in_progress', resolvedAt: null });
    expect((await complaintWrites(orm, id)).outbox).toEqual([
      expect.objectContaining({ type: 'complaint.reopened', actor: SURVEY_ACTOR }),
    ]);
  });

  it('only notes a neutral answer, and an answer about a complaint an agent has reopened since', async () => {
    const neutral = await resolved();
    expect(await deliver(complaintEvents({ complaintId: neutral.id }).surveyAnswered(3))).toMatchObject({ value: { kind: 'record' } });
    expect(await complaintNow(neutral.id)).toMatchObject({ status: 'resolved' });
    expect(await complaintWrites(orm, neutral.id)).toEqual({ outbox: [], history: [{ type: 'survey.answered', note: true }] });

    const { id } = await storeComplaint(orm, { policyId: 'mimo', status: 'in_progress' });
    expect(await deliver(complaintEvents({ complaintId: id }).surveyAnswered(5))).toMatchObject({ value: { kind: 'record' } });
    expect(await complaintNow(id)).toMatchObject({ status: 'in_progress', closeReason: null });
  });

  it('closes as no_response when the window ends unanswered, only under a policy that says so', async () => {
    const closing = await resolved(2);
    const expiry = complaintEvents({ complaintId: closing.id, policyVersion: 2 }).surveyExpired();
    expect(await deliver(expiry)).toMatchObject({ value: { kind: 'close', reason: 'no_response' } });
    expect(await complaintNow(closing.id)).toMatchObject({ status: 'closed', closeReason: 'no_response' });
    expect((await complaintWrites(orm, closing.id)).history.map((entry) => entry.type)).toEqual(['survey.expired', 'complaint.closed']);

    const keeping = await resolved(1);
    expect(await deliver(complaintEvents({ complaintId: keeping.id }).surveyExpired())).toMatchObject({ value: { kind: 'record' } });
    expect(await complaintNow(keeping.id)).toMatchObject({ status: 'resolved', closeReason: null });
  });
});
