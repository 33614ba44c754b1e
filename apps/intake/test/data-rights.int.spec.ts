import { CreateComplaintBody } from '@complaints/contracts';
import { ConflictError, ForbiddenError, NotFoundError } from '@complaints/domain';
import { executeSql } from '@complaints/persistence';
import { builtInPolicy } from '@complaints/policy';
import { complaintUseCases } from './complaint-use-cases';
import { complaintWrites } from './complaint-writes';
import { IntakeDatabase, openIntakeDatabase } from './intake-database';
import { parcelComplaint } from './submissions';

describe('data rights', () => {
  let db: IntakeDatabase;
  let useCases: ReturnType<typeof complaintUseCases>;

  beforeAll(async () => {
    db = await openIntakeDatabase();
    useCases = complaintUseCases(db);
    // A runtime version of Mimo's policy that keeps personal data 30 seconds after closure.
    useCases.catalog.registry.publish({
      ...builtInPolicy('mimo'),
      version: 2,
      effectiveFrom: '2026-06-01T00:00:00Z',
      retention: { minimum: { amount: 30, unit: 'seconds' } },
    });
  });
  afterAll(() => db.close());

  const mimoAdmin = { name: 'mimo-admin', role: 'admin', organisationId: 'mimo' } as const;
  const mitAdmin = { name: 'mit-admin', role: 'admin', organisationId: 'mit' } as const;
  const agent = { name: 'mimo-agent', role: 'agent', organisationId: 'mimo' } as const;
  const requestedAt = '2026-07-01T12:00:00.000Z';

  async function submitted(email: string, overrides: Partial<CreateComplaintBody> = {}, receivedAt = '2026-03-02T09:00:00.000Z') {
    const { id } = await useCases.submit.execute({
      principal: { name: 'submitter-key', role: 'submitter', organisationId: '*' },
      receivedAt,
      body: { ...parcelComplaint, customer: { name: 'Ada Lovelace', email }, ...overrides },
    });
    await useCases.applyCommand.execute({
      principal: agent,
      complaintId: id,
      requestedAt: receivedAt,
      command: { type: 'acknowledge', body: { note: `Called ${email} back` } },
    });
    return id;
  }

  async function closed(email: string, closedAt: string) {
    const id = await submitted(email, {}, '2026-06-02T09:00:00.000Z');
    await useCases.applyCommand.execute({ principal: agent, complaintId: id, requestedAt: closedAt, command: { type: 'resolve', body: {} } });
    await useCases.applyCommand.execute({
      principal: agent,
      complaintId: id,
      requestedAt: closedAt,
      command: { type: 'close', body: { reason: 'confirmed' } },
    });
    return id;
  }

  const contactOf = async (id: string) =>
    (await useCases.getCustomerContact.execute({ requestedBy: 'notifications', purpose: 'test', complaintId: id }).catch(() => undefined))?.customer;

  it("exports exactly one customer's complaints, whatever the case of the address, with the agents' notes, and announces each export", async () => {
    const first = await submitted('grace@example.org');
    const second = await submitted('Grace@Example.org ', { policyId: 'mimo' });
    await submitted('someone.else@example.org');
    const exported = await useCases.exportCustomerData.execute({ principal: mimoAdmin, email: 'grace@example.org', requestedAt });
    expect(exported.complaints.map(({ complaint }) => complaint.id)).toEqual([first, second]);
    expect(exported.complaints[0]?.complaint.contact?.customer.email).toBe('grace@example.org');
    expect(exported.complaints[0]?.history.map((entry) => entry.note)).toEqual([null, 'Called grace@example.org back']);
    const { outbox } = await complaintWrites(db.orm, first);
    expect(outbox.at(-1)).toMatchObject({
      type: 'complaint.personal-data-exported',
      actor: { kind: 'client', id: 'mimo-admin' },
      data: { exportedAt: requestedAt },
    });
    expect(JSON.stringify(outbox)).not.toContain('grace');
  });

  it("shows an organisation's admin none of another organisation's complaints, and refuses other roles", async () => {
    await submitted('linus@example.org');
    expect((await useCases.exportCustomerData.execute({ principal: mitAdmin, email: 'linus@example.org', requestedAt })).complaints).toEqual([]);
    await expect(useCases.exportCustomerData.execute({ principal: agent, email: 'linus@example.org', requestedAt })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const id = await submitted('linus@example.org');
    await expect(
      useCases.erasePersonalData.execute({ principal: mitAdmin, target: { complaintId: id }, requestedAt }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await contactOf(id)).toBeDefined();
  });

  it('erases by destroying the data key: contact and notes are unreadable, the complaint and its timeline stay, the erasure is announced', async () => {
    const id = await submitted('ada.erase@example.org');
    const report = await useCases.erasePersonalData.execute({ principal: mimoAdmin, target: { email: 'ada.erase@example.org' }, requestedAt });
    expect(report).toEqual({ erased: [{ complaintId: id, reference: expect.any(String) }], held: [], alreadyErased: [] });
    expect(await contactOf(id)).toBeUndefined();
    const [exported] = (await useCases.exportCustomerData.execute({ principal: mimoAdmin, email: 'ada.erase@example.org', requestedAt }))
      .complaints;
    expect(exported?.complaint).toMatchObject({ id, personalDataErasedAt: requestedAt });
    expect(exported?.complaint.contact).toBeUndefined();
    // Received, acknowledged (its note is gone), erased.
    expect(exported?.history.map((entry) => [entry.type, entry.note])).toEqual([
      ['complaint.received', null],
      ['complaint.acknowledged', null],
      ['complaint.personal-data-erased', null],
    ]);
    // The ciphertext is still there; its key is not.
    const [keyRow] = await executeSql<{ wrapped_key: Buffer | null }>(
      db.orm.em.fork(),
      'select wrapped_key from intake.complaint_data_keys where complaint_id = ?',
      [id],
    );
    expect(keyRow?.wrapped_key).toBeNull();
    const { outbox } = await complaintWrites(db.orm, id);
    expect(outbox.map((event) => event.type)).toContain('complaint.personal-data-erased');
    expect(outbox.find((event) => event.type === 'complaint.personal-data-erased')?.data).toMatchObject({ cause: 'request' });
    // Erasing again changes nothing and says so.
    expect(await useCases.erasePersonalData.execute({ principal: mimoAdmin, target: { complaintId: id }, requestedAt })).toEqual({
      erased: [],
      held: [],
      alreadyErased: [{ complaintId: id, reference: expect.any(String), erasedAt: requestedAt }],
    });
  });

  it('keeps the personal data of a complaint under a legal hold, until the hold is released', async () => {
    const id = await submitted('held@example.org');
    const held = await useCases.setLegalHold.execute({ principal: mimoAdmin, complaintId: id, hold: { reason: 'Litigation 2026/17' }, requestedAt });
    expect(held.legalHoldSince).toBe(requestedAt);
    await expect(
      useCases.setLegalHold.execute({ principal: mimoAdmin, complaintId: id, hold: { reason: 'again' }, requestedAt }),
    ).rejects.toBeInstanceOf(ConflictError);
    const report = await useCases.erasePersonalData.execute({ principal: mimoAdmin, target: { email: 'held@example.org' }, requestedAt });
    expect(report.held).toEqual([{ complaintId: id, reference: expect.any(String), legalHoldSince: requestedAt }]);
    expect(await contactOf(id)).toBeDefined();
    await useCases.setLegalHold.execute({ principal: mimoAdmin, complaintId: id, hold: null, requestedAt });
    expect((await useCases.erasePersonalData.execute({ principal: mimoAdmin, target: { complaintId: id }, requestedAt })).erased).toHaveLength(1);
  });

  it("erases closed complaints once their policy's retention has ended, except those on hold or still open", async () => {
    const due = await closed('retention.due@example.org', '2026-06-02T10:00:00.000Z');
    const notYet = await closed('retention.later@example.org', '2026-06-02T10:00:45.000Z');
    const held = await closed('retention.held@example.org', '2026-06-02T10:00:00.000Z');
    const open = await submitted('retention.open@example.org', {}, '2026-06-02T09:00:00.000Z');
    await useCases.setLegalHold.execute({ principal: mimoAdmin, complaintId: held, hold: { reason: 'Regulator inquiry' }, requestedAt });

    expect(await useCases.retention.sweep(db.orm.em.fork(), new Date('2026-06-02T10:00:31.000Z'))).toBe(1);
    expect(await contactOf(due)).toBeUndefined();
    for (const kept of [notYet, held, open]) expect(await contactOf(kept)).toBeDefined();
    const { outbox } = await complaintWrites(db.orm, due);
    expect(outbox.at(-1)).toMatchObject({
      type: 'complaint.personal-data-erased',
      actor: { kind: 'system', id: 'retention-policy' },
      data: { cause: 'retention', erasedAt: '2026-06-02T10:00:31.000Z' },
    });
    // A second sweep has nothing left to do at that instant.
    expect(await useCases.retention.sweep(db.orm.em.fork(), new Date('2026-06-02T10:00:31.000Z'))).toBe(0);
  });
});
