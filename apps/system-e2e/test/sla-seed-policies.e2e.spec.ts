import { waitFor } from '@complaints/testing';
import { expectStatus } from './support/api-client';
import { newComplaint } from './support/complaint-bodies';
import { API_KEYS } from './support/running-system';
import {
  Clocks,
  clocksOf,
  command,
  createComplaint,
  instantsOf,
  iso,
  sleep,
  slaEventsOf,
  timelineOf,
  timersOf,
  waitForClocks,
} from './support/sla-probes';
import { systemForFile } from './support/system-for-file';
import {
  MIMO_WEEK,
  MIT_WEEK,
  MODMOUNT_WEEK,
  WorkWeek,
  addBusinessDays,
  businessDayClosingAfter,
  closeOf,
  localInstant,
  nextOpeningAfterDay,
  openOf,
  openTimeInShortInterval,
} from './support/work-week';

/*
 * The four seed policies' clocks over HTTP, with every deadline computed by hand from
 * POLICIES.md (never by libs/policy). Two kinds of complaint per policy:
 *
 * - a back-dated complaint on fixed dates (holidays, a make-up Saturday, a DST change):
 *   every deadline has passed, so sla's timers catch up on start and breach them at once;
 * - a "live" complaint received a few business days ago, so a warning is already due (it
 *   fires on catch-up) while the deadline is still ahead: it is paused awaiting the
 *   customer, resumed with the reply's receipt time, and met. The request for information
 *   happens now (intake stamps it), so the open business time inside the pause depends on
 *   when the test runs: one second if now is within opening hours, none otherwise.
 */

const HOUR = 3600_000;
const MINUTE = 60_000;
const t = (text: string): number => Date.parse(text);

describe('the seed policies, clock by clock, over HTTP', () => {
  const sut = systemForFile(['gateway', 'intake', 'sla', 'escalation'], { database: true });
  const { api } = sut;

  const breachedAll = (metrics: string[]) => (clocks: Clocks) => metrics.every((metric) => clocks[metric]?.status === 'breached');

  /** Every breach timer of these clocks fired exactly once, late (the timers caught up), with its lag. */
  async function expectLateBreaches(complaintId: string, metrics: string[]): Promise<void> {
    const timers = await timersOf(sut.db, complaintId);
    for (const metric of metrics) {
      const fired = timers.filter((timer) => timer.kind === 'clock_breach' && timer.subject_key === metric && timer.fired_at !== null);
      expect({ metric, fired: fired.length, late: fired[0]?.late, lagPositive: Number(fired[0]?.lag_ms) > 0 }).toEqual({
        metric,
        fired: 1,
        late: true,
        lagPositive: true,
      });
    }
    const breaches = (await slaEventsOf(sut.db, complaintId)).filter((event) => event.type === 'sla.clock-breached');
    expect(breaches.map((event) => event.data['metric']).sort()).toEqual([...metrics].sort());
  }

  async function waitForSlaEvent(complaintId: string, type: string, metric: string) {
    return waitFor(`${type} for ${metric}`, async () => {
      const events = await slaEventsOf(sut.db, complaintId);
      return events.find((event) => event.type === type && event.data['metric'] === metric);
    }, 20_000, 100);
  }

  /**
   * Requests information now, then records the customer's reply as received one second after
   * the request: the clock pauses (no deadline while paused) and, on the reply, its deadline
   * moves by the open business time inside that second, computed by hand.
   */
  async function pauseAndResume(complaintId: string, metric: string, week: WorkWeek, dueBefore: number): Promise<number> {
    const warnBefore = Date.parse((await clocksOf(api, complaintId))[metric]?.warnAt ?? '');
    await command(api, complaintId, 'request-info', { question: 'Which order number?' });
    const paused = await waitForClocks(api, complaintId, `${metric} to pause`, (clocks) => clocks[metric]?.status === 'paused');
    const requested = Date.parse(
      (await timelineOf(api, complaintId)).find((entry) => entry.type === 'complaint.info-requested')?.occurredAt ?? '',
    );
    // No deadline while paused; a warning instant before the pause is history and stays, one after it is unknown.
    expect(instantsOf(paused[metric])).toMatchObject({ status: 'paused', dueAt: null, warnAt: warnBefore <= requested ? warnBefore : null });
    const repliedAt = requested + 1000;
    await sleep(Math.max(0, repliedAt + 100 - Date.now()));
    await command(api, complaintId, 'customer-replies', { receivedAt: iso(repliedAt) });

    const inPause = openTimeInShortInterval(week, requested, repliedAt);
    // A deadline at the close of a business day moved by open time lands on the next opening plus that time.
    const dueAfter = inPause === 0 ? dueBefore : nextOpeningAfterDay(week, dueBefore) + inPause;
    const resumed = await waitForClocks(api, complaintId, `${metric} to resume`, (clocks) => clocks[metric]?.status === 'running');
    expect({ metric, dueAt: Date.parse(resumed[metric]?.dueAt ?? '') }).toEqual({ metric, dueAt: dueAfter });
    expect(resumed[metric]?.explanation).toMatch(/pause/i);
    return dueAfter;
  }

  describe('Mimo (Mon–Fri 09:00–17:00 UTC, no holidays)', () => {
    it('times a complaint received on Friday 13 November 2026 at 16:00 UTC, and the catch-up breaches every clock', async () => {
      const id = await createComplaint(api, newComplaint({ policyId: 'mimo', channel: 'email', receivedAt: '2026-11-13T16:00:00Z' }));
      const clocks = await waitForClocks(api, id, 'every Mimo clock to breach', breachedAll(['acknowledgement', 'first_reply', 'resolution']));
      const start = t('2026-11-13T16:00:00Z');
      // 2 business hours: 1 h on Friday, 1 h from Monday 09:00; the warning at 1 h 30.
      expect(instantsOf(clocks['acknowledgement'])).toEqual({
        status: 'breached', startedAt: start, dueAt: t('2026-11-16T10:00:00Z'), warnAt: t('2026-11-16T09:30:00Z'), metAt: null, breachedAt: t('2026-11-16T10:00:00Z'),
      });
      // 8 business hours (email): 1 h Friday + 7 h Monday; warning at 6 h → Monday 14:00.
      expect(instantsOf(clocks['first_reply'])).toEqual({
        status: 'breached', startedAt: start, dueAt: t('2026-11-16T16:00:00Z'), warnAt: t('2026-11-16T14:00:00Z'), metAt: null, breachedAt: t('2026-11-16T16:00:00Z'),
      });
      // 5 business days: close of the 5th business day after Friday 13 → Friday 20 at 17:00. Span 1 h + 5 × 8 h = 41 h;
      // the warning at 75 % = 30 h 45 min: 1 h Fri, 24 h Mon–Wed, 5 h 45 min Thursday → Thursday 19 at 14:45.
      expect(instantsOf(clocks['resolution'])).toEqual({
        status: 'breached', startedAt: start, dueAt: t('2026-11-20T17:00:00Z'), warnAt: t('2026-11-19T14:45:00Z'), metAt: null, breachedAt: t('2026-11-20T17:00:00Z'),
      });
      expect(clocks['survey_window']).toMatchObject({ status: 'pending', dueAt: null });
      await expectLateBreaches(id, ['acknowledgement', 'first_reply', 'resolution']);
      // A warning past its deadline says nothing the breach does not: none was emitted.
      expect((await slaEventsOf(sut.db, id)).filter((event) => event.type === 'sla.clock-warning')).toEqual([]);
      // Three breaches, one level each: Representative → Supervisor → Manager → Senior Management (final).
      const complaint = await waitFor('Mimo to escalate to level 4', async () => {
        const response = await api.get(API_KEYS.agent, `/v1/complaints/${id}`);
        return response.body?.escalationLevel === 4 && response.body;
      }, 20_000, 100);
      expect(complaint.escalationLevel).toBe(4);
    });

    it('shows the brief’s example: received Friday 20 November 2026 at 16:30 UTC, acknowledgement due Monday 23 at 10:30', async () => {
      const id = await createComplaint(api, newComplaint({ policyId: 'mimo', channel: 'chat', receivedAt: '2026-11-20T16:30:00Z' }));
      const clocks = await waitForClocks(api, id, 'the acknowledgement to breach', breachedAll(['acknowledgement', 'first_reply']));
      expect(instantsOf(clocks['acknowledgement'])).toMatchObject({ dueAt: t('2026-11-23T10:30:00Z'), warnAt: t('2026-11-23T10:00:00Z') });
      // Chat: "immediate" read as 5 business minutes; 16:30 is open, so 16:35 the same Friday (warning at 3 min 45 s).
      expect(instantsOf(clocks['first_reply'])).toMatchObject({ dueAt: t('2026-11-20T16:35:00Z'), warnAt: t('2026-11-20T16:33:45Z') });
      // 5 business days after Friday 20 → Friday 27 at 17:00.
      expect(instantsOf(clocks['resolution'])).toMatchObject({ dueAt: t('2026-11-27T17:00:00Z') });
    });

    it('warns, pauses awaiting the customer, resumes with the reply time and is met (a complaint received 5 business days before its deadline)', async () => {
      const deadlineDay = businessDayClosingAfter(MIMO_WEEK, Date.now());
      const receiptDay = addBusinessDays(MIMO_WEEK, deadlineDay, -5);
      const receivedAt = openOf(MIMO_WEEK, receiptDay);
      const id = await createComplaint(api, newComplaint({ policyId: 'mimo', receivedAt: iso(receivedAt) }));

      const due = closeOf(MIMO_WEEK, deadlineDay);
      // Span 6 days × 8 h = 48 h from an opening; 75 % = 36 h → the 4th business day after receipt at 13:00.
      const warnAt = openOf(MIMO_WEEK, addBusinessDays(MIMO_WEEK, receiptDay, 4)) + 4 * HOUR;
      const clocks = await waitForClocks(api, id, 'the acknowledgement to breach', breachedAll(['acknowledgement', 'first_reply']));
      expect(instantsOf(clocks['acknowledgement'])).toMatchObject({ dueAt: receivedAt + 2 * HOUR, breachedAt: receivedAt + 2 * HOUR });
      expect(instantsOf(clocks['resolution'])).toMatchObject({ status: 'running', startedAt: receivedAt, dueAt: due, warnAt });

      const warning = await waitForSlaEvent(id, 'sla.clock-warning', 'resolution');
      expect(warning.data).toMatchObject({ dueAt: iso(due), late: true });

      await command(api, id, 'acknowledge');
      await pauseAndResume(id, 'resolution', MIMO_WEEK, due);

      await command(api, id, 'resolve', { summary: 'Refunded.' });
      const met = await waitForClocks(api, id, 'the resolution to be met', (c) => c['resolution']?.status === 'met');
      expect(met['resolution']?.metAt).not.toBeNull();
      expect(met['resolution']?.breachedAt).toBeNull();
      const resolution = (await timersOf(sut.db, id)).filter((timer) => timer.subject_key === 'resolution');
      expect(resolution.filter((timer) => timer.fired_at === null && timer.cancelled_at === null)).toEqual([]);
      expect((await slaEventsOf(sut.db, id)).filter((event) => event.type === 'sla.clock-warning' && event.data['metric'] === 'resolution')).toHaveLength(1);
    });
  });

  describe('MiT (Asia/Ho_Chi_Minh, Mon–Fri 08:00–17:00, Vietnamese holidays)', () => {
    it('counts 7 business days over the 2026 Tết break: received Friday 13 February 10:00 → Tuesday 3 March 17:00', async () => {
      const id = await createComplaint(api, newComplaint({ policyId: 'mit', channel: 'email', receivedAt: '2026-02-13T10:00:00+07:00' }));
      const clocks = await waitForClocks(api, id, 'the MiT clocks to breach', breachedAll(['acknowledgement', 'resolution']));
      const start = t('2026-02-13T03:00:00Z');
      // 1 business day (default): Mon 16 – Fri 20 February is the Tết break → Monday 23 at 17:00 (+07:00).
      // Span: 7 h on Friday + 9 h Monday = 16 h; warning at 12 h → Monday 23 at 13:00.
      expect(instantsOf(clocks['acknowledgement'])).toEqual({
        status: 'breached', startedAt: start, dueAt: t('2026-02-23T17:00:00+07:00'), warnAt: t('2026-02-23T13:00:00+07:00'), metAt: null, breachedAt: t('2026-02-23T17:00:00+07:00'),
      });
      // 7 business days: 23, 24, 25, 26, 27 Feb, 2, 3 Mar → Tuesday 3 March 17:00; warning at 3 business days → Wednesday 25 Feb 17:00.
      expect(instantsOf(clocks['resolution'])).toEqual({
        status: 'breached', startedAt: start, dueAt: t('2026-03-03T17:00:00+07:00'), warnAt: t('2026-02-25T17:00:00+07:00'), metAt: null, breachedAt: t('2026-03-03T17:00:00+07:00'),
      });
      await expectLateBreaches(id, ['acknowledgement', 'resolution']);
    });

    it('counts the make-up Saturday 22 August and skips the National Day break: received Friday 21 August 2026 09:00', async () => {
      const id = await createComplaint(api, newComplaint({ policyId: 'mit', channel: 'web', receivedAt: '2026-08-21T09:00:00+07:00' }));
      const clocks = await waitForClocks(api, id, 'the MiT clocks to breach', breachedAll(['acknowledgement', 'resolution']));
      // 1 business day → the make-up Saturday 22 August at 17:00. Span 8 h + 9 h = 17 h; 75 % = 12 h 45 → Saturday 12:45.
      expect(instantsOf(clocks['acknowledgement'])).toMatchObject({ dueAt: t('2026-08-22T17:00:00+07:00'), warnAt: t('2026-08-22T12:45:00+07:00') });
      // 7 business days: Sat 22, 24, 25, 26, 27, 28 Aug, (31 Aug – 2 Sep off) Thu 3 Sep → 17:00; warning after 3 → Tue 25 Aug 17:00.
      expect(instantsOf(clocks['resolution'])).toMatchObject({
        startedAt: t('2026-08-21T09:00:00+07:00'), dueAt: t('2026-09-03T17:00:00+07:00'), warnAt: t('2026-08-25T17:00:00+07:00'), breachedAt: t('2026-09-03T17:00:00+07:00'),
      });
    });

    it('warns at 3 business days, pauses awaiting the customer, resumes and is met (received 7 business days before its deadline)', async () => {
      const deadlineDay = businessDayClosingAfter(MIT_WEEK, Date.now());
      const receiptDay = addBusinessDays(MIT_WEEK, deadlineDay, -7);
      const receivedAt = localInstant(MIT_WEEK, receiptDay, '10:00');
      const id = await createComplaint(api, newComplaint({ policyId: 'mit', receivedAt: iso(receivedAt) }));
      const due = closeOf(MIT_WEEK, deadlineDay);

      const clocks = await waitForClocks(api, id, 'the acknowledgement to breach', breachedAll(['acknowledgement']));
      expect(instantsOf(clocks['acknowledgement'])).toMatchObject({ dueAt: closeOf(MIT_WEEK, addBusinessDays(MIT_WEEK, receiptDay, 1)) });
      expect(instantsOf(clocks['resolution'])).toMatchObject({
        status: 'running', startedAt: receivedAt, dueAt: due, warnAt: closeOf(MIT_WEEK, addBusinessDays(MIT_WEEK, receiptDay, 3)),
      });
      const warning = await waitForSlaEvent(id, 'sla.clock-warning', 'resolution');
      expect(warning.data).toMatchObject({ dueAt: iso(due), late: true });

      await command(api, id, 'acknowledge');
      await pauseAndResume(id, 'resolution', MIT_WEEK, due);
      await command(api, id, 'resolve', {});
      const met = await waitForClocks(api, id, 'the resolution to be met', (c) => c['resolution']?.status === 'met');
      expect(met['resolution']).toMatchObject({ status: 'met', breachedAt: null });
    });
  });

  describe('Modmount (Europe/Paris, Mon–Fri 09:00–18:00, French holidays)', () => {
    it('times a complaint received Thursday 9 July 2026 at 10:00: acknowledgement 5 business days, corrective actions 30, stale at 3 months', async () => {
      const id = await createComplaint(api, newComplaint({ policyId: 'modmount', channel: 'email', receivedAt: '2026-07-09T10:00:00+02:00' }));
      // Past its age limit the policy's rule closes the complaint as stale; the closure stops every clock.
      const closed = await waitFor('Modmount to close the complaint as stale', async () => {
        const response = await api.get(API_KEYS.agent, `/v1/complaints/${id}`);
        return response.body?.status === 'closed' && response.body;
      }, 20_000, 100);
      expect(closed.closeReason).toBe('stale');
      const closedAt = t(closed.closedAt);
      const clocks = await waitForClocks(api, id, 'the Modmount clocks to breach and stop', (c) =>
        breachedAll(['acknowledgement', 'corrective_actions', 'stale'])(c) && c['non_cooperation']?.status === 'cancelled');
      const start = t('2026-07-09T08:00:00Z');
      // 5 business days, Tuesday 14 July off: 10, 13, 15, 16, 17 → Friday 17 July 18:00 (+02:00).
      // Span 8 h + 5 × 9 h = 53 h; 75 % = 39 h 45 → 8 h Thu, 27 h (10, 13, 15), 4 h 45 Thursday 16 → 13:45.
      expect(instantsOf(clocks['acknowledgement'])).toEqual({
        status: 'breached', startedAt: start, dueAt: t('2026-07-17T18:00:00+02:00'), warnAt: t('2026-07-16T13:45:00+02:00'), metAt: closedAt, breachedAt: t('2026-07-17T18:00:00+02:00'),
      });
      // 30 business days (14 July and 15 August off) → Friday 21 August 18:00. Span 8 h + 30 × 9 h = 278 h; 75 % = 208 h 30:
      // 8 h Thursday, 22 full days (198 h), 2 h 30 on the 23rd business day, Wednesday 12 August → 11:30.
      expect(instantsOf(clocks['corrective_actions'])).toEqual({
        status: 'breached', startedAt: start, dueAt: t('2026-08-21T18:00:00+02:00'), warnAt: t('2026-08-12T11:30:00+02:00'), metAt: closedAt, breachedAt: t('2026-08-21T18:00:00+02:00'),
      });
      // 3 calendar months keeping the wall-clock time: 9 October 10:00 (+02:00). Warning at 75 % of 92 days = 69 days → 16 September 10:00.
      expect(instantsOf(clocks['stale'])).toMatchObject({
        startedAt: start, dueAt: t('2026-10-09T10:00:00+02:00'), warnAt: t('2026-09-16T10:00:00+02:00'), breachedAt: t('2026-10-09T10:00:00+02:00'),
      });
      expect(clocks['interim_response']).toBeUndefined();
      // The customer window never opened: the closure cancelled it.
      expect(clocks['non_cooperation']).toMatchObject({ startedAt: null, dueAt: null });
      await expectLateBreaches(id, ['acknowledgement', 'corrective_actions', 'stale']);
    });

    it('skips Armistice Day: received Friday 6 November 2026 10:00 → acknowledgement Monday 16 November 18:00, corrective actions Monday 21 December 18:00', async () => {
      const id = await createComplaint(api, newComplaint({ policyId: 'modmount', channel: 'phone', receivedAt: '2026-11-06T10:00:00+01:00' }));
      const clocks = await waitForClocks(api, id, 'the acknowledgement to breach', breachedAll(['acknowledgement']));
      expect(instantsOf(clocks['acknowledgement'])).toMatchObject({ dueAt: t('2026-11-16T18:00:00+01:00'), warnAt: t('2026-11-13T13:45:00+01:00') });
      // 30 business days with 11 November off; warning at 208 h 30 → the 23rd business day, Thursday 10 December, 11:30.
      expect(instantsOf(clocks['corrective_actions'])).toMatchObject({ dueAt: t('2026-12-21T18:00:00+01:00'), warnAt: t('2026-12-10T11:30:00+01:00') });
    });

    it('warns the acknowledgement, pauses corrective actions awaiting the customer (acknowledgement runs on), resumes and meets both', async () => {
      const ackDay = businessDayClosingAfter(MODMOUNT_WEEK, Date.now());
      const receiptDay = addBusinessDays(MODMOUNT_WEEK, ackDay, -5);
      const receivedAt = openOf(MODMOUNT_WEEK, receiptDay);
      const id = await createComplaint(api, newComplaint({ policyId: 'modmount', receivedAt: iso(receivedAt) }));
      const ackDue = closeOf(MODMOUNT_WEEK, ackDay);
      const correctiveDue = closeOf(MODMOUNT_WEEK, addBusinessDays(MODMOUNT_WEEK, receiptDay, 30));

      const clocks = await waitForClocks(api, id, 'the clocks to start', (c) => c['corrective_actions']?.status === 'running');
      // From an opening: 6 × 9 h = 54 h; 75 % = 40 h 30 → the 4th business day after receipt at 13:30.
      expect(instantsOf(clocks['acknowledgement'])).toMatchObject({
        status: 'running', startedAt: receivedAt, dueAt: ackDue, warnAt: openOf(MODMOUNT_WEEK, addBusinessDays(MODMOUNT_WEEK, receiptDay, 4)) + 4 * HOUR + 30 * MINUTE,
      });
      expect(instantsOf(clocks['corrective_actions'])).toMatchObject({ status: 'running', dueAt: correctiveDue });
      const warning = await waitForSlaEvent(id, 'sla.clock-warning', 'acknowledgement');
      expect(warning.data).toMatchObject({ dueAt: iso(ackDue), late: true });

      await command(api, id, 'acknowledge');
      await waitForClocks(api, id, 'the acknowledgement to be met', (c) => c['acknowledgement']?.status === 'met');
      await pauseAndResume(id, 'corrective_actions', MODMOUNT_WEEK, correctiveDue);
      const afterReply = await clocksOf(api, id);
      // The non-cooperation window opened with the request and closed with the reply.
      expect(afterReply['non_cooperation']?.status).toBe('met');

      await command(api, id, 'responses', { type: 'final', summary: 'We will replace the part.' });
      const met = await waitForClocks(api, id, 'corrective actions to be met', (c) => c['corrective_actions']?.status === 'met');
      expect(met['acknowledgement']).toMatchObject({ status: 'met', breachedAt: null });
      expect(met['corrective_actions']).toMatchObject({ status: 'met', breachedAt: null });
      expect(met['stale']?.status).toBe('running');
    });
  });

  describe('imolocale (calendar time, Europe/Paris, from first contact, never paused)', () => {
    it('counts from first contact across the October DST change: 24 h, 48 h, 5 days keeping the wall-clock time', async () => {
      const id = await createComplaint(api, newComplaint({
        policyId: 'imolocale', channel: 'email', firstContactAt: '2026-10-24T12:00:00+02:00', receivedAt: '2026-10-24T15:00:00+02:00',
      }));
      const all = ['regular_update', 'escalation_level_2', 'findings', 'escalation_level_3', 'resolution'];
      const clocks = await waitForClocks(api, id, 'every imolocale clock to breach', breachedAll(all));
      const firstContact = t('2026-10-24T10:00:00Z');
      const elapsed = (hours: number) => firstContact + hours * HOUR;
      // 24 h of elapsed time over the night clocks go back: Sunday 25 October 11:00 (+01:00); warnings at 75 % (18 h, 36 h).
      for (const metric of ['regular_update', 'escalation_level_2']) {
        expect({ metric, ...instantsOf(clocks[metric]) }).toEqual({ metric, status: 'breached', startedAt: firstContact, dueAt: elapsed(24), warnAt: elapsed(18), metAt: null, breachedAt: elapsed(24) });
      }
      expect(elapsed(24)).toBe(t('2026-10-25T11:00:00+01:00'));
      for (const metric of ['findings', 'escalation_level_3']) {
        expect({ metric, ...instantsOf(clocks[metric]) }).toEqual({ metric, status: 'breached', startedAt: firstContact, dueAt: elapsed(48), warnAt: elapsed(36), metAt: null, breachedAt: elapsed(48) });
      }
      // 5 days keep the local time: Thursday 29 October 12:00 (+01:00) = 121 h elapsed; warning at 75 % = 90 h 45.
      expect(instantsOf(clocks['resolution'])).toMatchObject({ startedAt: firstContact, dueAt: t('2026-10-29T12:00:00+01:00'), warnAt: elapsed(90.75) });
      await expectLateBreaches(id, all);
      const complaint = await waitFor('the complaint to reach level 3', async () => {
        const response = await api.get(API_KEYS.agent, `/v1/complaints/${id}`);
        return response.body?.escalationLevel === 3 && response.body;
      }, 20_000, 100);
      expect(complaint.escalationLevel).toBe(3);
    });

    it('warns 18 h after first contact, does not pause while awaiting the customer, and is met on resolution', async () => {
      const firstContact = Date.now() - 20 * HOUR;
      const id = await createComplaint(api, newComplaint({ policyId: 'imolocale', firstContactAt: iso(firstContact), receivedAt: iso(firstContact) }));
      const clocks = await waitForClocks(api, id, 'the clocks to start', (c) => c['escalation_level_2']?.status === 'running');
      expect(instantsOf(clocks['escalation_level_2'])).toMatchObject({ startedAt: firstContact, dueAt: firstContact + 24 * HOUR, warnAt: firstContact + 18 * HOUR });
      const warning = await waitForSlaEvent(id, 'sla.clock-warning', 'escalation_level_2');
      expect(warning.data).toMatchObject({ late: true, dueAt: iso(firstContact + 24 * HOUR) });

      await command(api, id, 'acknowledge');
      await command(api, id, 'request-info', {});
      await waitFor('the request to reach sla', async () => (await timersOf(sut.db, id)).length > 0 && (await timelineOf(api, id)).some((e) => e.type === 'complaint.info-requested'));
      await sleep(1500);
      const during = await clocksOf(api, id);
      for (const metric of ['regular_update', 'escalation_level_2', 'findings', 'escalation_level_3', 'resolution']) {
        expect({ metric, status: during[metric]?.status, dueAt: during[metric]?.dueAt }).toEqual({ metric, status: 'running', dueAt: clocks[metric]?.dueAt });
      }
      await command(api, id, 'customer-replies', { receivedAt: iso(Date.now() - 500) });
      await command(api, id, 'resolve', {});
      const met = await waitForClocks(api, id, 'every clock to be met', (c) => ['escalation_level_2', 'escalation_level_3', 'resolution'].every((m) => c[m]?.status === 'met'));
      expect(instantsOf(met['resolution'])).toMatchObject({ dueAt: t(clocks['resolution']?.dueAt ?? ''), breachedAt: null });
      const complaint = expectStatus(await api.get(API_KEYS.agent, `/v1/complaints/${id}`), 200).body;
      expect(complaint.escalationLevel).toBe(1);
    });
  });
});
