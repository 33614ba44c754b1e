import { SubmitComplaintRequest } from '@complaints/contracts';
import { InvalidInputError } from '@complaints/domain';
import { executeSql } from '@complaints/persistence';
import { ComplaintSchema } from '../src/complaints/complaint.entity';
import { toComplaintView } from '../src/complaints/complaint-view';
import { SubmitComplaint } from '../src/complaints/submit-complaint';
import { complaintUseCases } from './complaint-use-cases';
import { complaintWrites } from './complaint-writes';
import { IntakeDatabase, openIntakeDatabase } from './intake-database';
import { parcelComplaint } from './submissions';

describe(SubmitComplaint.name, () => {
  let db: IntakeDatabase;
  let submitComplaint: SubmitComplaint;

  beforeAll(async () => {
    db = await openIntakeDatabase();
    submitComplaint = complaintUseCases(db).submit;
  });
  afterAll(() => db.close());

  const body = parcelComplaint;

  function submit(overrides: Partial<SubmitComplaintRequest> = {}) {
    return submitComplaint.execute({
      // A platform operator's key: the tests submit under several organisations' policies.
      principal: { name: 'submitter-key', role: 'submitter', organisationId: '*' },
      receivedAt: '2026-03-02T09:00:00.000Z',
      body,
      ...overrides,
    });
  }

  const stored = (id: string) => db.orm.em.fork().findOneOrFail(ComplaintSchema, { id });

  it('stores the complaint it answers with, announces it as received and puts the receipt on its timeline', async () => {
    const { sla, ...complaint } = await submit();
    expect(complaint).toMatchObject({
      reference: 'MIMO-2026-000001',
      policyId: 'mimo',
      policyVersion: 1,
      status: 'received',
      receivedAt: '2026-03-02T09:00:00.000Z',
      escalationLevel: 1,
      submittedBy: 'submitter-key',
    });
    expect(sla.map((deadline) => deadline.metric)).toContain('acknowledgement');
    expect(toComplaintView(await stored(complaint.id))).toEqual(complaint);
    expect(await complaintWrites(db.orm, complaint.id)).toEqual({
      outbox: [
        expect.objectContaining({
          type: 'complaint.received',
          occurredAt: '2026-03-02T09:00:00.000Z',
          actor: { kind: 'client', id: 'submitter-key' },
          data: expect.objectContaining({ reference: 'MIMO-2026-000001', status: 'received', thirdParty: false }),
        }),
      ],
      history: [{ type: 'complaint.received', note: false }],
    });
  });

  it('keeps the customer’s contact data only encrypted, and opens it for an agent alone', async () => {
    const forSubmitter = await submit();
    expect(forSubmitter.contact).toBeUndefined();
    const forAgent = await submit({ principal: { name: 'agent-key', role: 'agent', organisationId: '*' } });
    expect(forAgent.contact).toEqual({
      customer: body.customer,
      subject: body.subject,
      description: body.description,
    });
    const [row] = await executeSql<{ contact_ciphertext: Buffer }>(
      db.orm.em.fork(),
      `select contact_ciphertext from intake.complaints where id = ?`,
      [forAgent.id],
    );
    expect(row?.contact_ciphertext.includes('ada@example.org')).toBe(false);
  });

  it('stores a complaint once however often its Idempotency-Key is retried', async () => {
    const first = await submit({ idempotencyKey: 'submit-once' });
    const retried = await submit({ idempotencyKey: 'submit-once' });
    expect(retried).toEqual(first);
    const [{ count }] = await executeSql<{ count: string }>(
      db.orm.em.fork(),
      `select count(*) as count from intake.outbox where event_type = 'complaint.received' and complaint_id = ?`,
      [first.id],
    );
    expect(Number(count)).toBe(1);
  });

  it('starts a third party’s complaint awaiting the customer’s authorisation where the policy asks for it', async () => {
    const complaint = await submit({
      body: { ...body, policyId: 'modmount', thirdParty: { name: 'Charles Babbage', relationship: 'neighbour' } },
    });
    expect(complaint.status).toBe('awaiting_authorization');
    expect(complaint.thirdParty).toEqual({ relationship: 'neighbour', authorizationVerifiedAt: null });
    expect((await complaintWrites(db.orm, complaint.id)).outbox[0]?.data).toMatchObject({ thirdParty: true });
  });

  it('refuses a complaint its policy does not take, and stores nothing', async () => {
    const before = await executeSql<{ count: string }>(db.orm.em.fork(), `select count(*) as count from intake.complaints`);
    await expect(submit({ body: { ...body, seller: { id: 'seller-17', name: 'Lyon Parcels' } } })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    const after = await executeSql<{ count: string }>(db.orm.em.fork(), `select count(*) as count from intake.complaints`);
    expect(after).toEqual(before);
  });
});
