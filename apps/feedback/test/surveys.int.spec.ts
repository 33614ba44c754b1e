import { FeedbackRequests, STREAMS } from '@complaints/contracts';
import { builtInPolicy } from '@complaints/policy';
import { ComplaintEvents, complaintEvents } from '@complaints/service-testing';
import { waitFor } from '@complaints/testing';
import { FeedbackFixture, PUBLIC_BASE_URL } from './feedback-fixture';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const platformAgent = { name: 'agent', role: 'agent', organisationId: '*' } as const;
const mimoAgent = { name: 'mimo-agent', role: 'agent', organisationId: 'mimo' } as const;
const mimoAuditor = { name: 'mimo-auditor', role: 'auditor', organisationId: 'mimo' } as const;
const mitAgent = { name: 'mit-agent', role: 'agent', organisationId: 'mit' } as const;

describe('satisfaction surveys', () => {
  let fixture: FeedbackFixture;

  beforeAll(async () => {
    fixture = await FeedbackFixture.start();
  }, 30_000);

  afterAll(() => fixture?.stop());

  /** A complaint resolved under a policy, whose customer speaks `locale`: feedback opens its survey. */
  async function resolvedComplaint(policyId = 'mimo', locale?: string) {
    const complaint: ComplaintEvents = complaintEvents({ policyId });
    fixture.customerLocales.set(complaint.complaintId, locale);
    const resolution = await fixture.publish(complaint.resolved());
    const [sent] = await fixture.outboxEventsAtLeast(complaint.complaintId, 1);
    const surveyId = String(sent?.data['surveyId']);
    const link = await fixture.request(FeedbackRequests.getSurveyLink, { surveyId });
    const token = link.url.slice(`${PUBLIC_BASE_URL}/surveys/`.length);
    return { complaint, resolution, surveyId, token };
  }

  it('opens a survey on resolution, announced as survey.sent, whose link expires with the 7-day window', async () => {
    const complaint = complaintEvents({ policyId: 'mimo' });
    fixture.customerLocales.set(complaint.complaintId, 'vi');
    const resolution = await fixture.publish(complaint.resolved());
    const { reference } = resolution.data;
    const [sent] = await fixture.outboxEventsAtLeast(complaint.complaintId, 1);
    expect(sent).toMatchObject({ type: 'survey.sent', data: { policyId: 'mimo', policyVersion: 1, resolutionEventId: resolution.id } });
    const { sentAt, expiresAt, surveyId } = sent?.data as { sentAt: string; expiresAt: string; surveyId: string };
    expect(Date.parse(expiresAt) - Date.parse(sentAt)).toBe(7 * 86_400_000);

    const link = await fixture.request(FeedbackRequests.getSurveyLink, { surveyId });
    expect(link).toEqual({ surveyId, url: expect.stringMatching(/^https:\/\/complaints\.example\.test\/surveys\/[A-Za-z0-9_-]{64}$/), expiresAt: new Date(expiresAt).toISOString() });
    const token = link.url.split('/').pop() as string;
    expect(await fixture.request(FeedbackRequests.openSurvey, { token })).toEqual({
      status: 'open',
      locale: 'vi',
      organisationName: 'Mimo',
      reference,
      scale: { min: 1, max: 5 },
    });
    // The token is derived, never kept: neither the survey row nor any event holds it.
    expect(await fixture.everythingStored()).not.toContain(token);
  });

  it('opens one survey per resolution, however often the resolution is delivered, and another for the next resolution', async () => {
    const { complaint, resolution } = await resolvedComplaint();
    // After JetStream's duplicate window the resolution is stored again: only feedback can tell it was handled.
    const sequence = await fixture.bus.republish(resolution);
    await waitFor('the replayed resolution acknowledged', () => fixture.bus.acknowledged(STREAMS.complaints, 'feedback-resolutions', sequence));
    expect((await fixture.outboxEvents(complaint.complaintId)).map((event) => event.type)).toEqual(['survey.sent']);

    // Reopened and resolved again: the customer is asked about the new resolution.
    await fixture.publish(complaint.resolved());
    const events = await fixture.outboxEventsAtLeast(complaint.complaintId, 2);
    expect(events.map((event) => event.type)).toEqual(['survey.sent', 'survey.sent']);
    expect(events[1]?.data['surveyId']).not.toBe(events[0]?.data['surveyId']);
  });

  it("lets only the latest resolution's survey be answered: a later resolution supersedes the open survey of an earlier one", async () => {
    const { complaint, token: firstToken } = await resolvedComplaint();
    await fixture.publish(complaint.resolved());
    const events = await fixture.outboxEventsAtLeast(complaint.complaintId, 2);
    const secondId = String(events[1]?.data['surveyId']);
    const secondToken = (await fixture.request(FeedbackRequests.getSurveyLink, { surveyId: secondId })).url.split('/').pop() as string;

    // The old link no longer confirms the complaint; the new one does.
    expect(await fixture.request(FeedbackRequests.openSurvey, { token: firstToken })).toMatchObject({ status: 'unavailable' });
    expect(await fixture.request(FeedbackRequests.answerSurvey, { token: firstToken, score: 5, comment: null })).toMatchObject({ status: 'unavailable' });
    expect(await fixture.request(FeedbackRequests.answerSurvey, { token: secondToken, score: 5, comment: null })).toMatchObject({ status: 'recorded' });
    const surveys = await fixture.request(FeedbackRequests.listComplaintSurveys, { principal: platformAgent, complaintId: complaint.complaintId });
    expect(surveys.surveys.map(({ status }) => status).sort()).toEqual(['answered', 'superseded']);
    expect((await fixture.outboxEvents(complaint.complaintId)).map(({ type }) => type)).toEqual(['survey.sent', 'survey.sent', 'survey.answered']);
  });

  it('decides which resolution is latest by when it happened: an earlier one heard late is superseded at once and sends nothing', async () => {
    const complaint = complaintEvents({ policyId: 'mimo' });
    fixture.customerLocales.set(complaint.complaintId, 'en');
    const later = complaint.resolved('2026-11-02T10:00:00Z');
    const earlier = complaint.resolved('2026-11-01T10:00:00Z');
    await fixture.publish(later);
    await fixture.outboxEventsAtLeast(complaint.complaintId, 1);
    const sequence = await fixture.bus.republish(earlier);
    await waitFor('the earlier resolution handled', () => fixture.bus.acknowledged(STREAMS.complaints, 'feedback-resolutions', sequence));

    const sent = await fixture.outboxEvents(complaint.complaintId);
    expect(sent).toEqual([expect.objectContaining({ type: 'survey.sent', data: expect.objectContaining({ resolutionEventId: later.id }) })]);
    const surveys = await fixture.request(FeedbackRequests.listComplaintSurveys, { principal: platformAgent, complaintId: complaint.complaintId });
    expect(surveys.surveys.map(({ status }) => status).sort()).toEqual(['open', 'superseded']);
  });

  it('opens none under a policy without a survey', async () => {
    const complaint = complaintEvents({ policyId: 'modmount' });
    fixture.customerLocales.set(complaint.complaintId, 'fr');
    const resolution = await fixture.publish(complaint.resolved());
    await waitFor('the resolution processed', async () => (await fixture.query(`select 1 from feedback.inbox where event_id = $1`, [resolution.id])).length === 1);
    expect(await fixture.outboxEvents(complaint.complaintId)).toEqual([]);
  });

  it('records one answer, with its verdict, and keeps the comment encrypted', async () => {
    const { complaint, surveyId, token } = await resolvedComplaint('mimo', 'fr-CA');
    expect(await fixture.request(FeedbackRequests.answerSurvey, { token, score: 2, comment: 'Trop lent.' })).toEqual({ status: 'recorded', locale: 'fr' });
    const events = await fixture.outboxEventsAtLeast(complaint.complaintId, 2);
    expect(events[1]).toMatchObject({
      type: 'survey.answered',
      data: { surveyId, score: 2, scale: { min: 1, max: 5 }, dissatisfied: true, satisfied: false },
    });
    expect(JSON.stringify(events)).not.toContain('Trop lent');
    const [row] = await fixture.query<{ comment_ciphertext: Buffer }>(`select comment_ciphertext from feedback.surveys where survey_id = $1`, [surveyId]);
    expect(row?.comment_ciphertext.toString('utf8')).not.toContain('Trop lent');

    // A second answer changes nothing.
    expect(await fixture.request(FeedbackRequests.answerSurvey, { token, score: 5, comment: null })).toEqual({ status: 'answered', locale: 'fr' });
    expect(await fixture.request(FeedbackRequests.openSurvey, { token })).toMatchObject({ status: 'answered', locale: 'fr' });
    expect(await fixture.outboxEvents(complaint.complaintId)).toHaveLength(2);
  });

  it("erases the respondent's comment when the complaint's personal data is erased, and keeps the score", async () => {
    const { complaint, surveyId, token } = await resolvedComplaint('mimo', 'en');
    await fixture.request(FeedbackRequests.answerSurvey, { token, score: 4, comment: 'Call me on 07700 900123' });
    await fixture.publish(complaint.personalDataErased());
    const row = await waitFor('the comment erased', async () => {
      const [stored] = await fixture.query<{ comment_ciphertext: Buffer | null; score: number }>(
        `select comment_ciphertext, score from feedback.surveys where survey_id = $1`,
        [surveyId],
      );
      return stored?.comment_ciphertext === null && stored;
    });
    expect(row.score).toBe(4);
    const listed = await fixture.request(FeedbackRequests.listComplaintSurveys, { principal: mimoAgent, complaintId: complaint.complaintId });
    expect(listed.surveys[0]).toMatchObject({ surveyId, score: 4, comment: null });
  });

  it('refuses a score off the scale and changes nothing', async () => {
    const { complaint, token } = await resolvedComplaint();
    expect(await fixture.problemOf(FeedbackRequests.answerSurvey, { token, score: 6, comment: null })).toBe('invalid');
    expect(await fixture.request(FeedbackRequests.openSurvey, { token })).toMatchObject({ status: 'open' });
    expect(await fixture.outboxEvents(complaint.complaintId)).toHaveLength(1);
  });

  it('treats a forged or altered token as no survey at all', async () => {
    const { token } = await resolvedComplaint();
    const altered = `${token.slice(0, 40)}${token[40] === 'A' ? 'B' : 'A'}${token.slice(41)}`;
    for (const forged of [altered, 'A'.repeat(64)]) {
      expect(await fixture.request(FeedbackRequests.openSurvey, { token: forged })).toEqual({ status: 'unavailable', locale: null });
      expect(await fixture.request(FeedbackRequests.answerSurvey, { token: forged, score: 5, comment: null })).toEqual({ status: 'unavailable', locale: null });
    }
  });

  it('expires an unanswered survey at its window end, announces it once, and then takes no answer', async () => {
    const mimo = builtInPolicy('mimo');
    await fixture.publishPolicy({
      ...mimo,
      id: 'mimo-two-second-survey',
      clocks: mimo.clocks.map((clock) => (clock.id === 'survey_window' ? { ...clock, target: { amount: 2, unit: 'seconds' } } : clock)),
    });
    await sleep(500);
    const { complaint, surveyId, token } = await resolvedComplaint('mimo-two-second-survey', 'en');
    const [sent, expired] = await fixture.outboxEventsAtLeast(complaint.complaintId, 2);
    expect(expired).toMatchObject({ type: 'survey.expired', data: { surveyId, expiredAt: sent?.data['expiresAt'] } });
    expect(await fixture.request(FeedbackRequests.openSurvey, { token })).toEqual({ status: 'unavailable', locale: 'en' });
    expect(await fixture.request(FeedbackRequests.answerSurvey, { token, score: 5, comment: null })).toEqual({ status: 'unavailable', locale: 'en' });
    await sleep(600);
    expect(await fixture.outboxEvents(complaint.complaintId)).toHaveLength(2);
  });

  it("gives CSAT and a complaint's surveys to its own organisation only, comments to agents only", async () => {
    const happy = await resolvedComplaint();
    const unhappy = await resolvedComplaint();
    await resolvedComplaint();
    await fixture.request(FeedbackRequests.answerSurvey, { token: happy.token, score: 5, comment: 'Parfait' });
    await fixture.request(FeedbackRequests.answerSurvey, { token: unhappy.token, score: 1, comment: null });

    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 3_600_000).toISOString();
    const stats = await fixture.request(FeedbackRequests.getSurveyStats, { principal: mimoAgent, policyId: 'mimo', from, to, groupBy: 'day' });
    expect(stats.total.sent).toBeGreaterThanOrEqual(3);
    expect(stats.total.answered).toBeGreaterThanOrEqual(2);
    expect(stats.total.distribution.find((entry) => entry.score === 5)?.count).toBeGreaterThanOrEqual(1);
    expect(stats.periods).toHaveLength(1);
    expect(await fixture.problemOf(FeedbackRequests.getSurveyStats, { principal: mitAgent, policyId: 'mimo', from, to, groupBy: 'day' })).toBe('not_found');

    const listed = await fixture.request(FeedbackRequests.listComplaintSurveys, { principal: platformAgent, complaintId: happy.complaint.complaintId });
    expect(listed.surveys).toEqual([expect.objectContaining({ surveyId: happy.surveyId, status: 'answered', score: 5, verdict: 'satisfied', comment: 'Parfait' })]);
    const forAuditor = await fixture.request(FeedbackRequests.listComplaintSurveys, { principal: mimoAuditor, complaintId: happy.complaint.complaintId });
    expect(forAuditor.surveys[0]).not.toHaveProperty('comment');
    expect(await fixture.problemOf(FeedbackRequests.listComplaintSurveys, { principal: mitAgent, complaintId: happy.complaint.complaintId })).toBe('not_found');
  });
});
