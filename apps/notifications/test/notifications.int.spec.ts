import { NotificationRequests } from '@complaints/contracts';
import { complaintEvents } from '@complaints/service-testing';
import { waitFor } from '@complaints/testing';
import { NotificationsFixture } from './notifications-fixture';

describe('the notifications service', () => {
  let fixture: NotificationsFixture;

  beforeAll(async () => {
    fixture = await NotificationsFixture.start();
  }, 30_000);

  afterAll(() => fixture?.stop());

  /** A complaint intake knows, whose customer has this address. */
  function complaint(policyId: string, email: string, locale?: string) {
    const events = complaintEvents({ policyId });
    const reference = `${policyId.replace(/-/g, '').slice(0, 10).toUpperCase()}-2026-000001`;
    fixture.customer(events.complaintId, reference, policyId, { name: 'Camille Martin', email, ...(locale ? { locale } : {}) });
    return { events, reference };
  }

  it('sends imolocale’s customer the reference at receipt, in French, once, and says so', async () => {
    const { events, reference } = complaint('imolocale', 'camille@example.org');
    await fixture.publish(events.received());
    const [mail] = await fixture.smtp.waitForMails('camille@example.org', 1);
    expect(mail?.subject).toBe(`Nous avons bien reçu votre réclamation – référence ${reference}`);
    expect(mail?.text).toContain('Bonjour Camille Martin,');
    expect(mail?.html).toContain('<html lang="fr">');
    expect(mail?.language).toBe('fr');

    const [delivery] = await fixture.waitForDelivery(events.complaintId, 'the delivery sent', (rows) => rows[0]?.status === 'sent');
    expect(mail?.messageId).toBe(`<${delivery?.id}@localhost>`);
    const sent = await waitFor('notification.sent', async () => (await fixture.outboxEvents(events.complaintId)).find((event) => event.type === 'notification.sent'));
    expect(sent.data).toMatchObject({ deliveryId: delivery?.id, messageType: 'received', channel: 'email', recipient: 'customer', locale: 'fr', attempts: 1 });
    expect(JSON.stringify(sent.data)).not.toMatch(/camille|Martin/i);
    expect(fixture.contactRequests).toContainEqual({ complaintId: events.complaintId, purpose: 'email: received' });
  });

  it('sends one email for an event delivered a hundred times', async () => {
    const { events } = complaint('mimo', 'ada@example.org', 'en');
    await fixture.publish(events.received());
    const acknowledged = await fixture.publish(events.acknowledged());
    await waitFor('acknowledged processed', () => fixture.processed(acknowledged.id));
    for (let i = 0; i < 100; i += 1) await fixture.republish(acknowledged);
    await fixture.publish(acknowledged);
    await fixture.smtp.waitForMails('ada@example.org', 1);
    // The last redelivery has been through the consumer once the stream has no more for it.
    const closed = await fixture.publish(events.closed());
    await fixture.smtp.waitForMails('ada@example.org', 2);
    await waitFor('closed processed', () => fixture.processed(closed.id));
    expect(fixture.smtp.mailsTo('ada@example.org').map((mail) => mail.subject)).toEqual([
      'Your complaint MIMO-2026-000001 is being handled',
      'Your complaint MIMO-2026-000001 is closed',
    ]);
  }, 60_000);

  it('emails each customer of a burst of complaints once, while their events are handled several at a time', async () => {
    const burst = Array.from({ length: 24 }, (_, i) => {
      const events = complaintEvents({ policyId: 'mimo' });
      const email = `burst${i}@example.org`;
      fixture.customer(events.complaintId, `MIMO-2026-1000${String(i).padStart(2, '0')}`, 'mimo', { name: 'Burst', email, locale: 'en' });
      return { events, email };
    });
    // Every receipt, then every acknowledgement: an acknowledgement handled before its
    // complaint's receipt would find the complaint unknown and be delayed, not lost.
    await Promise.all(burst.map(({ events }) => fixture.publish(events.received())));
    const acknowledgements = await Promise.all(burst.map(({ events }) => fixture.publish(events.acknowledged())));
    await waitFor('every acknowledgement processed', async () => (await Promise.all(acknowledgements.map((event) => fixture.processed(event.id)))).every(Boolean), 30_000);
    for (const { events, email } of burst) {
      await fixture.smtp.waitForMails(email, 1);
      expect(await fixture.deliveries(events.complaintId)).toHaveLength(1);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(burst.map(({ email }) => fixture.smtp.mailsTo(email).length)).toEqual(burst.map(() => 1));
  }, 60_000);

  it('quotes the agent’s own text, and asks feedback for the survey link when the policy has a survey', async () => {
    const { events } = complaint('mimo', 'grace@example.org', 'fr-BE');
    await fixture.publish(events.received());
    const response = events.responded('first_reply');
    fixture.note(response, 'We have found your parcel at the depot.');
    await fixture.publish(response);
    const resolved = events.resolved();
    fixture.note(resolved, 'It will be delivered on Monday.');
    await fixture.publish(resolved);
    const surveySent = await fixture.publish(events.surveySent(resolved.id, '0193a0b1-7c2e-7000-8000-00000000ab01'));

    const mails = await fixture.smtp.waitForMails('grace@example.org', 2);
    const reply = mails.find((mail) => mail.subject.startsWith('Notre réponse'));
    const resolution = mails.find((mail) => mail.subject.endsWith('a été traitée'));
    expect(reply?.subject).toBe('Notre réponse concernant votre réclamation MIMO-2026-000001');
    expect(reply?.text).toContain('We have found your parcel at the depot.');
    expect(resolution?.subject).toBe('Votre réclamation MIMO-2026-000001 a été traitée');
    expect(resolution?.text).toContain('It will be delivered on Monday.');
    expect(resolution?.text).toContain('https://complaints.example/surveys/token-0193a0b1-7c2e-7000-8000-00000000ab01');
    // The link travels in the message only: not in the delivery, not in the events.
    const stored = await fixture.deliveries(events.complaintId);
    expect(JSON.stringify(stored)).not.toContain('token-');
    expect(JSON.stringify(await fixture.outboxEvents(events.complaintId))).not.toContain('token-');
    await waitFor('survey.sent processed', () => fixture.processed(surveySent.id));
  });

  it('sends an automatic progress update summing up the history when imolocale’s regular update lapses', async () => {
    const { events } = complaint('imolocale', 'lan@example.org', 'vi');
    await fixture.publish(events.received('2026-03-14T08:00:00Z'));
    await fixture.publish(events.acknowledged('2026-03-14T09:00:00Z'));
    await fixture.publish(events.responded('first_reply', '2026-03-14T10:00:00Z'));
    await fixture.smtp.waitForMails('lan@example.org', 3);
    // The policy's zone is Europe/Paris: a Vietnamese customer reads Paris times, as the promises are made there.
    await fixture.publish(events.clockBreached('regular_update', '2026-03-15T10:00:00Z'));
    const mails = await fixture.smtp.waitForMails('lan@example.org', 4);
    const update = mails.find((mail) => mail.subject.startsWith('Cập nhật tình hình'));
    expect(update?.text).toContain('– 09:00 14 thg 3, 2026: tiếp nhận khiếu nại của Quý khách\n– 10:00 14 thg 3, 2026: xác nhận và bắt đầu xử lý\n– 11:00 14 thg 3, 2026: gửi Quý khách phản hồi đầu tiên');
  });

  it('tells the team of the level a complaint reaches, at the policy’s mailbox', async () => {
    const { events, reference } = complaint('imolocale', 'noemie@example.org');
    await fixture.publish(events.received());
    const raised = events.escalationLevelRaised(1, 2);
    await fixture.publish({ ...raised, data: { ...raised.data, levelName: 'Problem-resolution team', notifies: ['problem_resolution_team'] } });
    const [team] = await fixture.smtp.waitForMails('resolution-problemes@imolocale.example', 1);
    expect(team?.subject).toBe(`[${reference}] Réclamation transmise au niveau 2 : Problem-resolution team`);
    const customer = await fixture.smtp.waitForMails('noemie@example.org', 2);
    expect(customer.map((mail) => mail.subject)).toContain(`Votre réclamation ${reference} est transmise pour un examen approfondi`);
  });

  it('delivers once when the mail server comes back after being down', async () => {
    const { events } = complaint('mit', 'minh@example.org', 'vi');
    await fixture.smtp.down();
    try {
      await fixture.publish(events.received());
      await fixture.publish(events.acknowledged());
      await fixture.waitForDelivery(events.complaintId, 'several failed attempts', (rows) => (rows[0]?.attempts ?? 0) >= 3 && rows[0]?.status === 'pending');
      expect(await fixture.listed(events.complaintId)).toMatchObject([{ type: 'acknowledged', status: 'pending', lastError: { class: 'temporary', code: null } }]);
    } finally {
      await fixture.smtp.up();
    }
    const [mail] = await fixture.smtp.waitForMails('minh@example.org', 1);
    expect(mail?.subject).toBe('Khiếu nại MIT-2026-000001 của Quý khách đang được xử lý');
    await fixture.waitForDelivery(events.complaintId, 'the delivery sent', (rows) => rows[0]?.status === 'sent');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(fixture.smtp.mailsTo('minh@example.org')).toHaveLength(1);
  }, 30_000);

  it('gives up on a permanent refusal, says so, shows it to agents, and lets an admin retry it', async () => {
    const { events } = complaint('modmount', 'nobody@refused.example');
    fixture.smtp.refuse(/@refused\.example$/);
    await fixture.publish(events.received());
    await fixture.publish(events.acknowledged());
    await fixture.waitForDelivery(events.complaintId, 'the delivery dead', (rows) => rows[0]?.status === 'dead');
    const failed = await waitFor('notification.failed', async () => (await fixture.outboxEvents(events.complaintId)).find((event) => event.type === 'notification.failed'));
    expect(failed.data).toMatchObject({ messageType: 'acknowledged', errorClass: 'refused', attempts: 1, locale: 'fr' });
    const [dead] = await fixture.listed(events.complaintId);
    expect(dead).toMatchObject({ type: 'acknowledged', channel: 'email', locale: 'fr', status: 'dead', attempts: 1, sentAt: null, lastError: { class: 'refused', code: 550 }, recipient: 'customer' });

    const byAgent = await fixture.request(NotificationRequests.retryNotification, {
      principal: { name: 'tester', role: 'agent', organisationId: '*' },
      complaintId: events.complaintId,
      deliveryId: dead?.id ?? '',
    });
    expect(byAgent).toMatchObject({ ok: false, problem: { code: 'forbidden' } });
    const retried = await fixture.request(NotificationRequests.retryNotification, {
      principal: { name: 'admin', role: 'admin', organisationId: 'modmount' },
      complaintId: events.complaintId,
      deliveryId: dead?.id ?? '',
    });
    expect(retried).toMatchObject({ ok: true, value: { status: 'pending', attempts: 0 } });
    await fixture.waitForDelivery(events.complaintId, 'dead again after its retry', (rows) => rows[0]?.status === 'dead' && rows[0].attempts === 1);
    expect(fixture.smtp.mailsTo('nobody@refused.example')).toEqual([]);
  });

  it('gives up at once when intake no longer holds the customer’s contact (erased)', async () => {
    const events = complaintEvents({ policyId: 'imolocale' });
    await fixture.publish(events.received());
    await fixture.waitForDelivery(events.complaintId, 'the delivery dead', (rows) => rows[0]?.status === 'dead');
    expect(await fixture.deliveries(events.complaintId)).toMatchObject([{ attempts: 1, last_error_class: 'no_address' }]);
    const failed = await waitFor('notification.failed', async () => (await fixture.outboxEvents(events.complaintId)).find((event) => event.type === 'notification.failed'));
    expect(failed.data).toMatchObject({ messageType: 'received', errorClass: 'no_address', locale: null });
  });

  it('shows a complaint’s messages only to its own organisation’s agents and admins', async () => {
    const { events } = complaint('mit', 'thu@example.org');
    const received = await fixture.publish(events.received());
    await waitFor('received processed', () => fixture.processed(received.id));
    expect(await fixture.list(events.complaintId, 'mimo')).toMatchObject({ ok: false, problem: { code: 'not_found' } });
    expect(await fixture.list(events.complaintId, 'mit')).toMatchObject({ ok: true, value: { complaintId: events.complaintId } });
    expect(await fixture.list(events.complaintId, 'mit', 'submitter')).toMatchObject({ ok: false, problem: { code: 'forbidden' } });
  });
});
