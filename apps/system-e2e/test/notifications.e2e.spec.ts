import { FeedbackRequests } from '@complaints/contracts';
import { ReceivedMail, SmtpSink, TestBus, answer, answerRequests, complaintEvents } from '@complaints/service-testing';
import { testInfrastructure, waitFor } from '@complaints/testing';
import { INestMicroservice } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { expectStatus } from './support/api-client';
import { newComplaint } from './support/complaint-bodies';
import { API_KEYS } from './support/running-system';
import { publishRuntimeCopy } from './support/runtime-policy';
import { command, iso, sleep, timelineOf } from './support/sla-probes';
import { systemForFile } from './support/system-for-file';

/*
 * Every seed policy's lifecycle through the gateway, with a real SMTP server in this process
 * receiving what notifications sends. Feedback is played by the test: it opens the survey a
 * resolution asks for (survey.sent) and answers for its link, as the feedback service would.
 */

const SURVEY_URL = 'https://complaints.example/surveys/';

describe('notifications by email', () => {
  let smtp: SmtpSink;
  let bus: TestBus | undefined;
  let feedback: INestMicroservice | undefined;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
  });

  const sut = systemForFile(['gateway', 'intake', 'sla', 'escalation', 'notifications'], {
    env: () => ({ notifications: { SMTP_URL: smtp.url, NOTIFY_POLL_MS: '100' } }),
  });
  const { api } = sut;

  beforeAll(async () => {
    const { natsUrl } = await testInfrastructure();
    bus = await TestBus.connect(natsUrl, sut.system.namespace);
    feedback = await answerRequests(natsUrl, sut.system.namespace, [
      answer(FeedbackRequests.getSurveyLink, (request) => Promise.resolve({ surveyId: request.surveyId, url: `${SURVEY_URL}${request.surveyId}`, expiresAt: null })),
    ]);
  });

  afterAll(async () => {
    await feedback?.close();
    await bus?.close();
    await smtp?.stop();
  });

  interface Submitted {
    readonly id: string;
    readonly reference: string;
    readonly email: string;
  }

  async function submit(policyId: string, locale: string | undefined, extra: Record<string, unknown> = {}): Promise<Submitted> {
    const email = `${policyId}-${randomUUID()}@example.org`;
    const customer = { name: 'Lê Thị Hoa', email, ...(locale ? { locale } : {}) };
    const created = expectStatus(await api.create(API_KEYS.agent, newComplaint({ policyId, customer, ...extra })), 201);
    return { id: created.body.id as string, reference: created.body.reference as string, email };
  }

  /** Resolves as the agent, then plays feedback opening the survey when the policy has one. */
  async function resolve(complaint: Submitted, policyId: string, summary: string, withSurvey: boolean): Promise<void> {
    await command(api, complaint.id, 'resolve', { summary });
    if (!withSurvey) return;
    const resolved = (await timelineOf(api, complaint.id)).find((entry) => entry.type === 'complaint.resolved') as { eventId?: string } | undefined;
    const events = complaintEvents({ complaintId: complaint.id, policyId });
    await bus?.publish(events.surveySent(resolved?.eventId ?? ''));
  }

  /** Waits for `count` emails, then a little longer, and checks none came twice. */
  async function mailsOf(complaint: Submitted, count: number): Promise<ReceivedMail[]> {
    await smtp.waitForMails(complaint.email, count, 30_000);
    await sleep(1000);
    const mails = smtp.mailsTo(complaint.email);
    expect(mails).toHaveLength(count);
    expect(new Set(mails.map((mail) => mail.messageId)).size).toBe(count);
    for (const mail of mails) expect(mail.subject).toContain(complaint.reference);
    return mails;
  }

  const subjects = (mails: readonly ReceivedMail[]) => mails.map((mail) => mail.subject).sort();
  const mailWith = (mails: readonly ReceivedMail[], subject: string) => mails.find((mail) => mail.subject.includes(subject));

  it('tells a Mimo customer each step in English, quoting the agent, with the survey link', async () => {
    const complaint = await submit('mimo', 'en');
    await command(api, complaint.id, 'acknowledge');
    await command(api, complaint.id, 'responses', { type: 'first_reply', channel: 'email', summary: 'Your parcel is at the Leeds depot.' });
    await resolve(complaint, 'mimo', 'The parcel was redelivered on Monday.', true);
    await smtp.waitForMails(complaint.email, 3, 30_000);
    await command(api, complaint.id, 'close', { reason: 'confirmed' });

    const mails = await mailsOf(complaint, 4);
    const ref = complaint.reference;
    expect(subjects(mails)).toEqual(
      [`Our reply on your complaint ${ref}`, `Your complaint ${ref} has been resolved`, `Your complaint ${ref} is being handled`, `Your complaint ${ref} is closed`].sort(),
    );
    expect(mailWith(mails, 'Our reply')?.text).toContain('Your parcel is at the Leeds depot.');
    const resolution = mailWith(mails, 'has been resolved');
    expect(resolution?.text).toContain('The parcel was redelivered on Monday.');
    expect(resolution?.text).toContain(SURVEY_URL);
    for (const mail of mails) expect(mail.html).toContain('<html lang="en">');

    const listed = expectStatus(await api.get(API_KEYS.agent, `/v1/complaints/${complaint.id}/notifications`), 200);
    expect(listed.body.items).toHaveLength(4);
    expect(listed.body.items.every((item: { status: string; locale: string }) => item.status === 'sent' && item.locale === 'en')).toBe(true);
    expect(JSON.stringify(listed.body)).not.toContain(complaint.email);
    expect((await api.get(API_KEYS.mitAgent, `/v1/complaints/${complaint.id}/notifications`)).status).toBe(404);
  });

  it('tells a MiT customer in Vietnamese, the request for information and the expected date included', async () => {
    const complaint = await submit('mit', 'vi');
    await command(api, complaint.id, 'acknowledge');
    await command(api, complaint.id, 'request-info', { question: 'Xin Quý khách gửi ảnh hóa đơn mua hàng.' });
    await command(api, complaint.id, 'customer-replies');
    await command(api, complaint.id, 'expected-date', { expectedAt: iso(Date.now() + 5 * 86_400_000), reason: 'Cần nhà sản xuất kiểm tra sản phẩm.' });
    await command(api, complaint.id, 'responses', { type: 'interim', summary: 'Sản phẩm đã được gửi đến nhà sản xuất.' });
    await resolve(complaint, 'mit', 'Chúng tôi sẽ đổi sản phẩm mới cho Quý khách.', false);
    await command(api, complaint.id, 'close', { reason: 'confirmed' });

    const mails = await mailsOf(complaint, 6);
    const ref = complaint.reference;
    expect(mailWith(mails, 'đang được xử lý')?.subject).toBe(`Khiếu nại ${ref} của Quý khách đang được xử lý`);
    expect(mailWith(mails, 'Đề nghị bổ sung thông tin')?.text).toContain('Xin Quý khách gửi ảnh hóa đơn mua hàng.');
    expect(mailWith(mails, 'Thời hạn dự kiến')?.text).toContain('Cần nhà sản xuất kiểm tra sản phẩm.');
    expect(mailWith(mails, 'Phản hồi tạm thời')?.text).toContain('Sản phẩm đã được gửi đến nhà sản xuất.');
    expect(mailWith(mails, 'đã được giải quyết')?.text).toContain('Chúng tôi sẽ đổi sản phẩm mới cho Quý khách.');
    expect(mailWith(mails, 'đã được đóng')).toBeDefined();
    for (const mail of mails) expect(mail.language).toBe('vi');
  });

  it('tells a Modmount customer in French when their own language is one it does not write', async () => {
    const complaint = await submit('modmount', 'de');
    await command(api, complaint.id, 'acknowledge');
    await command(api, complaint.id, 'responses', { type: 'final', summary: 'Nous vous proposons un remboursement intégral.' });
    await resolve(complaint, 'modmount', 'Le remboursement a été effectué.', false);
    await command(api, complaint.id, 'close', { reason: 'confirmed' });

    const mails = await mailsOf(complaint, 4);
    const ref = complaint.reference;
    expect(subjects(mails)).toEqual(
      [
        `Votre réclamation ${ref} est prise en charge`,
        `Notre réponse définitive concernant votre réclamation ${ref}`,
        `Votre réclamation ${ref} a été traitée`,
        `Votre réclamation ${ref} est close`,
      ].sort(),
    );
    expect(mailWith(mails, 'Notre réponse définitive')?.text).toContain('Nous vous proposons un remboursement intégral.');
    for (const mail of mails) expect(mail.html).toContain('<html lang="fr">');
  });

  it('gives an imolocale customer the reference at once, then each step in French', async () => {
    const complaint = await submit('imolocale', undefined, { firstContactAt: iso(Date.now() - 60_000) });
    const [receipt] = await smtp.waitForMails(complaint.email, 1, 30_000);
    expect(receipt?.subject).toBe(`Nous avons bien reçu votre réclamation – référence ${complaint.reference}`);
    await command(api, complaint.id, 'acknowledge');
    await command(api, complaint.id, 'responses', { type: 'findings', summary: 'Le vendeur a expédié un article différent de l’annonce.' });
    await resolve(complaint, 'imolocale', 'Le vendeur vous rembourse sous 48 heures.', true);
    await smtp.waitForMails(complaint.email, 4, 30_000);
    await command(api, complaint.id, 'close', { reason: 'confirmed' });

    const mails = await mailsOf(complaint, 5);
    expect(mailWith(mails, 'Nos conclusions')?.text).toContain('Le vendeur a expédié un article différent de l’annonce.');
    const resolution = mailWith(mails, 'a été traitée');
    expect(resolution?.text).toContain('Le vendeur vous rembourse sous 48 heures.');
    expect(resolution?.text).toContain(SURVEY_URL);
  });

  describe('imolocale’s automatic progress update, due every 3 seconds', () => {
    const POLICY_ID = 'imolocale-fast-notify';
    const EVERY_MS = 3000;

    beforeAll(() =>
      publishRuntimeCopy(api, 'imolocale', {
        id: POLICY_ID,
        name: 'imolocale, updating every 3 seconds',
        targets: { regular_update: { amount: EVERY_MS / 1000, unit: 'seconds' } },
      }),
    );

    const isProgressUpdate = (mail: ReceivedMail) => mail.subject.startsWith('Point d’étape');

    it('sums up what happened when no agent wrote in time', async () => {
      const complaint = await submit(POLICY_ID, 'fr', { firstContactAt: iso(Date.now()) });
      await command(api, complaint.id, 'acknowledge');
      const mails = await waitFor('the progress update', () => smtp.mailsTo(complaint.email).find(isProgressUpdate) ?? false, 20_000, 100);
      expect(mails.text).toContain('réception de votre réclamation');
      expect(mails.text).toContain('prise en charge de votre réclamation');
      expect(mails.subject).toContain(complaint.reference);
    });

    it('stays silent while an agent sends updates in time', async () => {
      const complaint = await submit(POLICY_ID, 'fr', { firstContactAt: iso(Date.now()) });
      await command(api, complaint.id, 'acknowledge');
      for (let i = 0; i < 4; i += 1) {
        await sleep(EVERY_MS / 3);
        await command(api, complaint.id, 'responses', { type: 'update', summary: `Étape ${i + 1} : le vendeur a été relancé.` });
      }
      await command(api, complaint.id, 'resolve', { summary: 'Le vendeur a remboursé la commande.' });
      await sleep(EVERY_MS + 1500);
      const mails = smtp.mailsTo(complaint.email);
      expect(mails.filter((mail) => mail.subject.startsWith('Des nouvelles'))).toHaveLength(4);
      expect(mails.filter(isProgressUpdate)).toEqual([]);
    });
  });
});
