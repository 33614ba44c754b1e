import { executeSql } from '@complaints/persistence';
import { NotFoundError } from '@complaints/domain';
import { GetCustomerContact } from '../src/contact-reads/get-customer-contact';
import { complaintUseCases } from './complaint-use-cases';
import { complaintWrites } from './complaint-writes';
import { IntakeDatabase, openIntakeDatabase } from './intake-database';
import { parcelComplaint } from './submissions';

describe(GetCustomerContact.name, () => {
  let db: IntakeDatabase;
  let useCases: ReturnType<typeof complaintUseCases>;

  beforeAll(async () => {
    db = await openIntakeDatabase();
    useCases = complaintUseCases(db);
  });
  afterAll(() => db.close());

  const agent = { name: 'agent-key', role: 'agent', organisationId: 'mimo' } as const;

  async function respondedComplaint() {
    const { id } = await useCases.submit.execute({
      principal: { name: 'submitter-key', role: 'submitter', organisationId: 'mimo' },
      receivedAt: '2026-03-02T09:00:00.000Z',
      body: { ...parcelComplaint, customer: { ...parcelComplaint.customer, locale: 'fr' } },
    });
    await useCases.applyCommand.execute({
      principal: agent,
      complaintId: id,
      requestedAt: '2026-03-02T09:30:00.000Z',
      command: { type: 'acknowledge', body: {} },
    });
    await useCases.applyCommand.execute({
      principal: agent,
      complaintId: id,
      requestedAt: '2026-03-02T10:00:00.000Z',
      command: { type: 'send_response', body: { type: 'first_reply', summary: 'Your parcel left our depot today.' } },
    });
    const { outbox } = await complaintWrites(db.orm, id);
    const response = outbox.find((event) => event.type === 'complaint.response-sent');
    if (!response) throw new Error('the response was not recorded');
    return { id, responseEventId: response.id };
  }

  const readsOf = (complaintId: string) =>
    executeSql<{ requested_by: string; purpose: string; event_id: string | null }>(
      db.orm.em.fork(),
      'select requested_by, purpose, event_id from intake.contact_reads where complaint_id = ? order by id',
      [complaintId],
    );

  it('answers with the customer and the note the agent typed with the event, and records who read them and why', async () => {
    const { id, responseEventId } = await respondedComplaint();
    const reply = await useCases.getCustomerContact.execute({
      requestedBy: 'notifications',
      purpose: 'response email',
      complaintId: id,
      eventId: responseEventId,
    });
    expect(reply).toMatchObject({
      complaintId: id,
      reference: 'MIMO-2026-000001',
      organisationId: 'mimo',
      policyId: 'mimo',
      status: 'in_progress',
      customer: { name: 'Ada Lovelace', email: 'ada@example.org', locale: 'fr' },
      note: 'Your parcel left our depot today.',
    });
    expect(await readsOf(id)).toEqual([{ requested_by: 'notifications', purpose: 'response email', event_id: responseEventId }]);
  });

  it('answers a null note when no event is named', async () => {
    const { id } = await respondedComplaint();
    const reply = await useCases.getCustomerContact.execute({ requestedBy: 'feedback', purpose: 'survey page', complaintId: id });
    expect(reply.note).toBeNull();
    expect(await readsOf(id)).toEqual([{ requested_by: 'feedback', purpose: 'survey page', event_id: null }]);
  });

  it('refuses an unknown complaint, or an event of another complaint, and records no read', async () => {
    const { id } = await respondedComplaint();
    const other = await respondedComplaint();
    await expect(
      useCases.getCustomerContact.execute({ requestedBy: 'notifications', purpose: 'x', complaintId: '0190a0f0-0000-7000-8000-000000000000' }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      useCases.getCustomerContact.execute({ requestedBy: 'notifications', purpose: 'x', complaintId: id, eventId: other.responseEventId }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await readsOf(id)).toEqual([]);
  });

  it('keeps the record of reads append-only', async () => {
    const { id } = await respondedComplaint();
    await useCases.getCustomerContact.execute({ requestedBy: 'feedback', purpose: 'survey page', complaintId: id });
    await expect(executeSql(db.orm.em.fork(), 'delete from intake.contact_reads where complaint_id = ?', [id])).rejects.toThrow(
      /append-only/,
    );
  });
});
