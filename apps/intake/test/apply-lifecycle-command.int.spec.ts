import { LifecycleCommandMessage, LifecycleCommandRequest } from '@complaints/contracts';
import { IllegalTransitionError, NotFoundError } from '@complaints/domain';
import { ComplaintSchema } from '../src/complaints/complaint.entity';
import { ApplyLifecycleCommand } from '../src/complaints/apply-lifecycle-command';
import { SubmitComplaint } from '../src/complaints/submit-complaint';
import { complaintUseCases } from './complaint-use-cases';
import { complaintWrites } from './complaint-writes';
import { IntakeDatabase, openIntakeDatabase } from './intake-database';
import { parcelComplaint } from './submissions';

describe(ApplyLifecycleCommand.name, () => {
  let db: IntakeDatabase;
  let submitComplaint: SubmitComplaint;
  let applyLifecycleCommand: ApplyLifecycleCommand;
  const agent = { name: 'agent-key', role: 'agent', organisationId: 'mimo' } as const;
  const requestedAt = '2026-03-02T10:00:00.000Z';

  beforeAll(async () => {
    db = await openIntakeDatabase();
    ({ submit: submitComplaint, applyCommand: applyLifecycleCommand } = complaintUseCases(db));
  });
  afterAll(() => db.close());

  async function submitted(): Promise<string> {
    const complaint = await submitComplaint.execute({
      principal: { name: 'submitter-key', role: 'submitter', organisationId: 'mimo' },
      receivedAt: '2026-03-02T09:00:00.000Z',
      body: parcelComplaint,
    });
    return complaint.id;
  }

  function apply(complaintId: string, command: LifecycleCommandMessage, overrides: Partial<LifecycleCommandRequest> = {}) {
    return applyLifecycleCommand.execute({ principal: agent, complaintId, requestedAt, command, ...overrides });
  }

  const statusOf = async (id: string) => (await db.orm.em.fork().findOneOrFail(ComplaintSchema, { id })).status;
  const acknowledge: LifecycleCommandMessage = { type: 'acknowledge', body: { note: 'Looking into it' } };

  it('moves the complaint on, announces the change and keeps the agent’s note on the timeline', async () => {
    const id = await submitted();
    const view = await apply(id, acknowledge);
    expect(view).toMatchObject({ status: 'acknowledged', acknowledgedAt: requestedAt, updatedAt: requestedAt });
    expect(view.contact?.customer.email).toBe('ada@example.org');
    expect(await statusOf(id)).toBe('acknowledged');
    const { outbox, history } = await complaintWrites(db.orm, id);
    expect(outbox.map((event) => event.type)).toEqual(['complaint.received', 'complaint.acknowledged']);
    expect(outbox[1]).toMatchObject({
      actor: { kind: 'client', id: agent.name },
      occurredAt: requestedAt,
      data: { reference: 'MIMO-2026-000001', status: 'acknowledged', previousStatus: 'received' },
    });
    expect(history).toEqual([
      { type: 'complaint.received', note: false },
      { type: 'complaint.acknowledged', note: true },
    ]);
  });

  it('refuses a command the status does not allow and changes nothing', async () => {
    const id = await submitted();
    await expect(apply(id, { type: 'reopen', body: { reason: 'customer called' } })).rejects.toBeInstanceOf(
      IllegalTransitionError,
    );
    expect(await statusOf(id)).toBe('received');
    expect((await complaintWrites(db.orm, id)).outbox).toHaveLength(1);
  });

  it('applies commands on one complaint one after another: of two acknowledgements at once, one is refused', async () => {
    const id = await submitted();
    const outcomes = await Promise.allSettled([apply(id, acknowledge), apply(id, acknowledge)]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(outcomes.find((outcome) => outcome.status === 'rejected')).toMatchObject({
      reason: expect.any(IllegalTransitionError),
    });
    expect((await complaintWrites(db.orm, id)).outbox).toHaveLength(2);
  });

  it('answers a retried command with its first outcome, without applying it again', async () => {
    const id = await submitted();
    const first = await apply(id, acknowledge, { idempotencyKey: 'ack-once' });
    const retried = await apply(id, acknowledge, { idempotencyKey: 'ack-once' });
    expect(retried).toEqual(first);
    expect((await complaintWrites(db.orm, id)).outbox).toHaveLength(2);
  });

  it('treats another submitter’s complaint as not found', async () => {
    const id = await submitted();
    await expect(
      apply(id, { type: 'escalate', body: { reason: 'slow' } }, { principal: { name: 'someone-else', role: 'submitter', organisationId: 'mimo' } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await complaintWrites(db.orm, id)).outbox).toHaveLength(1);
  });
});
