import AxeBuilder from '@axe-core/playwright';
import { SmtpSink } from '@complaints/service-testing';
import { testInfrastructure, waitFor } from '@complaints/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'nats';
import { BrowserContext, chromium } from 'playwright-core';
import { expectStatus } from './support/api-client';
import { newComplaint } from './support/complaint-bodies';
import { API_KEYS, SERVICES } from './support/running-system';
import { publishRuntimeCopy } from './support/runtime-policy';
import { command, createComplaint, sleep, timelineOf } from './support/sla-probes';
import { systemForFile } from './support/system-for-file';

/*
 * The whole satisfaction-survey loop through the gateway, with a real headless Chromium
 * (Debian's `chromium`): a complaint is resolved, feedback opens a survey, the customer
 * answers it on the page in their language, and intake and escalation act on the answer.
 */

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

type Locale = 'en' | 'fr' | 'vi';

/** What the customer reads, written here independently of the page's own tables. */
const PAGE: Record<Locale, { question: string; satisfied: string; dissatisfied: string; thanks: string; answered: string; notFound: string; error: string }> = {
  en: {
    question: 'Are you satisfied with how your complaint was resolved?',
    satisfied: '5 – Very satisfied',
    dissatisfied: '1 – Very dissatisfied',
    thanks: 'Thank you',
    answered: 'You have already answered',
    notFound: 'This survey link cannot be used',
    error: 'Your answer could not be sent',
  },
  fr: {
    question: 'Êtes-vous satisfait(e) de la manière dont votre réclamation a été résolue\u202f?',
    satisfied: '4 – Satisfait(e)',
    dissatisfied: '2 – Insatisfait(e)',
    thanks: 'Merci',
    answered: 'Vous avez déjà répondu',
    notFound: 'Ce lien d’enquête ne peut pas être utilisé',
    error: 'Votre réponse n’a pas pu être envoyée',
  },
  vi: {
    question: 'Quý khách có hài lòng với cách khiếu nại của mình được giải quyết không?',
    satisfied: '5 – Rất hài lòng',
    dissatisfied: '1 – Rất không hài lòng',
    thanks: 'Xin cảm ơn quý khách',
    answered: 'Quý khách đã trả lời khảo sát này',
    notFound: 'Không thể sử dụng liên kết khảo sát này',
    error: 'Chưa gửi được câu trả lời của quý khách',
  },
};

const SURVEY_ACTOR = { kind: 'system', id: 'satisfaction-survey' };
const SHORT_WINDOW_POLICY = 'mimo-survey-seconds';
const SHORT_WINDOW_MS = 3000;
const SURVEY_LINK = /https?:\/\/[^\s<>"]+\/surveys\/[A-Za-z0-9_-]+/;

describe('satisfaction surveys through the gateway, in a real browser', () => {
  /** The customer's mailbox: the resolution email brings the survey link. */
  let smtp: SmtpSink;
  beforeAll(async () => {
    smtp = await SmtpSink.start();
  });

  const sut = systemForFile(['gateway', 'intake', 'sla', 'escalation', 'notifications', 'feedback'], {
    database: true,
    env: () => ({
      notifications: { SMTP_URL: smtp.url, NOTIFY_POLL_MS: '100' },
      // Access logs on, so the scan for tokens reads the lines that name every request.
      gateway: { LOG_LEVEL: 'info', SURVEY_RATE_LIMIT_PER_MINUTE: '100000' },
      feedback: { LOG_LEVEL: 'info', SURVEY_EXPIRY_INTERVAL_MS: '200' },
      intake: { LOG_LEVEL: 'info' },
    }),
  });
  const { api } = sut;
  /** Every token a link carried in this file, for the scan at its end. */
  const tokens = new Set<string>();
  const userDataDirs: string[] = [];
  let withJs: BrowserContext;
  let withoutJs: BrowserContext;

  async function browserContext(javaScriptEnabled: boolean): Promise<BrowserContext> {
    const dir = mkdtempSync(join(tmpdir(), 'survey-chromium-'));
    userDataDirs.push(dir);
    return chromium.launchPersistentContext(dir, {
      executablePath: '/usr/bin/chromium',
      args: CHROMIUM_FLAGS,
      headless: true,
      javaScriptEnabled,
      viewport: { width: 360, height: 740 },
    });
  }

  beforeAll(async () => {
    [withJs, withoutJs] = await Promise.all([browserContext(true), browserContext(false)]);
    await publishRuntimeCopy(api, 'mimo', {
      id: SHORT_WINDOW_POLICY,
      name: 'Mimo, surveys answered within seconds',
      targets: { survey_window: { amount: SHORT_WINDOW_MS / 1000, unit: 'seconds' } },
      overrides: (seed) => ({ survey: { ...(seed['survey'] as object), onNoAnswer: 'close_no_response' } }),
    });
  }, 60_000);

  afterAll(async () => {
    await Promise.all([withJs?.close(), withoutJs?.close()]);
    await smtp?.stop();
    for (const dir of userDataDirs) rmSync(dir, { recursive: true, force: true });
  });

  /**
   * The survey link of a complaint's `count`-th survey, as the customer gets it: from the
   * resolution email (found by the reference every subject carries) that a real SMTP server
   * in this process received from notifications.
   */
  async function surveyLinkFor(complaintId: string, count = 1): Promise<string> {
    const { reference } = await complaintOf(complaintId);
    const links = await waitFor(`survey email ${count} of ${reference}`, () => {
      const found = smtp.received
        .filter((mail) => mail.subject.includes(reference))
        .map((mail) => SURVEY_LINK.exec(mail.text)?.[0])
        .filter((link): link is string => link !== undefined);
      return found.length >= count && found;
    }, 30_000, 100);
    const url = links[count - 1] as string;
    expect(url.startsWith(`${sut.system.gatewayUrl()}/surveys/`)).toBe(true);
    tokens.add(url.split('/').pop() as string);
    return url;
  }

  async function resolvedComplaint(locale: Locale, policyId = 'mimo'): Promise<string> {
    const base = newComplaint({ policyId });
    const id = await createComplaint(api, { ...base, customer: { ...(base['customer'] as object), locale } });
    await command(api, id, 'resolve', { summary: 'Refunded in full.' });
    return id;
  }

  const complaintOf = async (id: string) => expectStatus(await api.get(API_KEYS.agent, `/v1/complaints/${id}`), 200).body;

  /** Opens the link, chooses an answer by its label and sends it; resolves to the heading of the page that follows. */
  async function answerInBrowser(context: BrowserContext, url: string, locale: Locale, label: string, comment?: string): Promise<string> {
    const page = await context.newPage();
    try {
      const response = await page.goto(url);
      expect(response?.status()).toBe(200);
      expect(await page.locator('html').getAttribute('lang')).toBe(locale);
      expect(await page.locator('h1').textContent()).toBe(PAGE[locale].question);
      await page.getByLabel(label, { exact: true }).check();
      if (comment) await page.locator('textarea#comment').fill(comment);
      await page.getByRole('button').click();
      await page.waitForLoadState();
      return (await page.locator('h1').textContent()) ?? '';
    } finally {
      await page.close();
    }
  }

  /** Closed as confirmed by the survey, at the level it had reached (a satisfied answer moves no level). */
  async function expectClosedConfirmed(id: string, escalationLevel = 1): Promise<void> {
    await waitFor(`complaint ${id} closed`, async () => (await complaintOf(id)).status === 'closed', 20_000, 100);
    expect(await complaintOf(id)).toMatchObject({ status: 'closed', closeReason: 'confirmed', escalationLevel });
    const timeline = await timelineOf(api, id);
    const answered = timeline.findIndex((entry) => entry.type === 'survey.answered');
    const closed = timeline.findIndex((entry) => entry.type === 'complaint.closed');
    expect(answered).toBeGreaterThan(-1);
    expect(closed).toBeGreaterThan(answered);
    expect(timeline[closed]).toMatchObject({ actor: SURVEY_ACTOR, data: { reason: 'confirmed' } });
  }

  async function expectReopenedOneLevelUp(id: string): Promise<void> {
    await waitFor(`complaint ${id} reopened and escalated`, async () => {
      const complaint = await complaintOf(id);
      return complaint.status === 'in_progress' && complaint.escalationLevel === 2;
    }, 20_000, 100);
    const timeline = await timelineOf(api, id);
    expect(timeline.find((entry) => entry.type === 'complaint.reopened')).toMatchObject({ actor: SURVEY_ACTOR });
    expect(timeline.filter((entry) => entry.type === 'escalation.level-raised').map((entry) => entry.data)).toEqual([
      expect.objectContaining({ fromLevel: 1, toLevel: 2, trigger: 'dissatisfied_survey' }),
    ]);
  }

  it.each(['en', 'fr', 'vi'] as const)('%s: a satisfied answer closes the complaint as confirmed; a dissatisfied one reopens it one level up', async (locale) => {
    const [happy, unhappy] = await Promise.all([resolvedComplaint(locale), resolvedComplaint(locale)]);
    expect(await answerInBrowser(withJs, await surveyLinkFor(happy), locale, PAGE[locale].satisfied, 'Rapide et aimable — cảm ơn!')).toBe(PAGE[locale].thanks);
    expect(await answerInBrowser(withJs, await surveyLinkFor(unhappy), locale, PAGE[locale].dissatisfied)).toBe(PAGE[locale].thanks);
    await expectClosedConfirmed(happy);
    await expectReopenedOneLevelUp(unhappy);
  });

  it('works the same with JavaScript disabled in the browser', async () => {
    const [happy, unhappy] = await Promise.all([resolvedComplaint('vi'), resolvedComplaint('fr')]);
    expect(await answerInBrowser(withoutJs, await surveyLinkFor(happy), 'vi', PAGE.vi.satisfied)).toBe(PAGE.vi.thanks);
    expect(await answerInBrowser(withoutJs, await surveyLinkFor(unhappy), 'fr', PAGE.fr.dissatisfied, 'Toujours pas livré.')).toBe(PAGE.fr.thanks);
    await expectClosedConfirmed(happy);
    await expectReopenedOneLevelUp(unhappy);
    // Reopened and resolved again: a new survey, a new link.
    await command(api, unhappy, 'resolve', { summary: 'Delivered by courier.' });
    expect(await answerInBrowser(withoutJs, await surveyLinkFor(unhappy, 2), 'fr', PAGE.fr.satisfied)).toBe(PAGE.fr.thanks);
    await expectClosedConfirmed(unhappy, 2);
  });

  it('has no accessibility violations (axe) on the form, its errors, the thanks and the 404, at 360×740 and 1280×800', async () => {
    const id = await resolvedComplaint('fr');
    const url = await surveyLinkFor(id);
    const page = await withJs.newPage();
    try {
      for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
        await page.setViewportSize(viewport);
        await page.goto(url);
        expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
        // Nothing overflows a phone's width.
        expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(viewport.width);
        await page.getByRole('button').click();
        await page.waitForLoadState();
        expect(await page.locator('.error-summary h2').textContent()).toBe(PAGE.fr.error);
        expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
        await page.goto(`${sut.system.gatewayUrl()}/surveys/${'A'.repeat(64)}`);
        expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
      }
      await page.goto(url);
      await page.getByLabel(PAGE.fr.satisfied, { exact: true }).check();
      await page.getByRole('button').click();
      await page.waitForLoadState();
      expect(await page.locator('h1').textContent()).toBe(PAGE.fr.thanks);
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    } finally {
      await page.close();
    }
  });

  /** Posts the survey form as a browser would, with any body. */
  async function post(url: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; html: string; headers: Headers }> {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body });
    return { status: response.status, html: await response.text(), headers: response.headers };
  }

  it('answers tampered forms with the form again and a message, as HTML, and changes nothing', async () => {
    const id = await resolvedComplaint('en');
    const url = await surveyLinkFor(id);
    const cases: [string, string, number][] = [
      ['score 0', 'score=0', 422],
      ['score 6', 'score=6', 422],
      ['score "abc"', 'score=abc', 422],
      ['a 100 kB comment', `score=5&comment=${'x'.repeat(100 * 1024)}`, 413],
      ['an unknown field', 'score=5&status=closed', 400],
      ['the score twice', 'score=5&score=1', 400],
    ];
    for (const [, body, status] of cases) {
      const answer = await post(url, body);
      expect(answer.status).toBe(status);
      expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
      expect(answer.html).toContain(`<h2 id="error-summary-title">${PAGE.en.error}</h2>`);
      expect(answer.html).not.toMatch(/problem\+json|"status":|at [A-Za-z]+ \(/);
    }
    const open = await fetch(url);
    expect(open.status).toBe(200);
    expect(await open.text()).toContain(PAGE.en.question);
    expect(await complaintOf(id)).toMatchObject({ status: 'resolved' });
    expect((await timelineOf(api, id)).map((entry) => entry.type)).not.toContain('survey.answered');
  });

  it('shows "already answered" to a second answer and changes nothing', async () => {
    const id = await resolvedComplaint('vi');
    const url = await surveyLinkFor(id);
    expect((await post(url, 'score=5')).status).toBe(200);
    await expectClosedConfirmed(id);
    const timelineBefore = await timelineOf(api, id);
    const again = await post(url, 'score=1');
    expect(again.status).toBe(409);
    expect(again.html).toContain(`<h1>${PAGE.vi.answered}</h1>`);
    const shown = await fetch(url);
    expect(await shown.text()).toContain(`<h1>${PAGE.vi.answered}</h1>`);
    await sleep(1000);
    expect(await timelineOf(api, id)).toEqual(timelineBefore);
    expect(await complaintOf(id)).toMatchObject({ status: 'closed', closeReason: 'confirmed', escalationLevel: 1 });
  });

  it('shows a 404 page for a forged token, in the browser’s language, with the page’s headers', async () => {
    const forged = `${sut.system.gatewayUrl()}/surveys/${'Zm9yZ2Vk'.repeat(8)}`;
    const response = await fetch(forged, { headers: { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await response.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain(`<h1>${PAGE.fr.notFound}</h1>`);
    expect((await post(forged, 'score=5')).status).toBe(404);
    const css = await fetch(`${sut.system.gatewayUrl()}/assets/survey.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('closes as no_response when the window ends unanswered, and then shows the link as expired, changing nothing', async () => {
    const id = await resolvedComplaint('vi', SHORT_WINDOW_POLICY);
    const url = await surveyLinkFor(id);
    await waitFor(`complaint ${id} closed`, async () => (await complaintOf(id)).status === 'closed', SHORT_WINDOW_MS + 10_000, 100);
    expect(await complaintOf(id)).toMatchObject({ closeReason: 'no_response' });
    const timeline = await timelineOf(api, id);
    expect(timeline.slice(-2)).toEqual([
      expect.objectContaining({ type: 'survey.expired' }),
      expect.objectContaining({ type: 'complaint.closed', actor: SURVEY_ACTOR, data: expect.objectContaining({ reason: 'no_response' }) }),
    ]);
    const expired = await fetch(url);
    expect(expired.status).toBe(404);
    expect(await expired.text()).toContain(`<h1>${PAGE.vi.notFound}</h1>`);
    expect((await post(url, 'score=5')).status).toBe(404);
    expect(await timelineOf(api, id)).toEqual(timeline);
  });

  it('the token is in no published event, log line or span', async () => {
    expect(tokens.size).toBeGreaterThanOrEqual(10);
    const { natsUrl } = await testInfrastructure();
    const nats = await connect({ servers: natsUrl });
    const published: string[] = [];
    try {
      const jsm = await nats.jetstreamManager();
      const prefix = `${sut.system.namespace.toUpperCase()}_`;
      for (const stream of await jsm.streams.list().next()) {
        if (!stream.config.name.startsWith(prefix)) continue;
        for (let seq = stream.state.first_seq; seq <= stream.state.last_seq && stream.state.messages > 0; seq += 1) {
          published.push(new TextDecoder().decode((await jsm.streams.getMessage(stream.config.name, { seq })).data));
        }
      }
    } finally {
      await nats.close();
    }
    const logs = SERVICES.map((service) => sut.system.output(service)).join('\n');
    await sleep(1000);
    const spans = JSON.stringify(sut.receiver.spans);
    // The scans read what they should: survey events, the page's requests in the logs and in spans.
    expect(published.some((message) => message.includes('"survey.answered"'))).toBe(true);
    expect(logs).toContain('/surveys/:token');
    expect(spans).toContain('/surveys/:token');
    for (const token of tokens) {
      expect(published.filter((message) => message.includes(token))).toEqual([]);
      expect(logs.includes(token)).toBe(false);
      expect(spans.includes(token)).toBe(false);
    }
  });
});
