import { builtInPolicy } from '@complaints/policy';
import { NotificationTrigger, historyStepOf, planDeliveries } from './plan-deliveries';

const base = { eventId: '0193a0b1-7c2e-7000-8000-0000000000e1', at: '2026-03-14T13:05:00Z' };
const types = (trigger: NotificationTrigger, policyId: Parameters<typeof builtInPolicy>[0]) =>
  planDeliveries(trigger, builtInPolicy(policyId), []).map((planned) =>
    planned.recipient.kind === 'customer' ? planned.messageType : `${planned.messageType}→${planned.recipient.role}`,
  );

describe(planDeliveries.name, () => {
  it('gives imolocale’s customer the reference at receipt, and Mimo’s nothing until acknowledged', () => {
    const received: NotificationTrigger = { ...base, on: 'received', receivedAt: base.at };
    expect(types(received, 'imolocale')).toEqual(['received']);
    expect(types(received, 'mimo')).toEqual([]);
    expect(types({ ...base, on: 'acknowledged' }, 'mimo')).toEqual(['acknowledged']);
  });

  it('quotes the agent’s text of the event that carried it', () => {
    const [planned] = planDeliveries({ ...base, on: 'response', responseType: 'interim' }, builtInPolicy('modmount'), []);
    expect(planned?.facts).toEqual({ occurredAt: base.at, noteEventId: base.eventId, responseType: 'interim' });
  });

  it('sends the resolution with the survey’s link where the policy has a survey, and at once where not', () => {
    const resolved: NotificationTrigger = { ...base, on: 'resolved' };
    const surveySent: NotificationTrigger = { ...base, on: 'survey_sent', surveyId: '0193a0b1-7c2e-7000-8000-0000000000f1', resolutionEventId: '0193a0b1-7c2e-7000-8000-0000000000f2' };
    expect(types(resolved, 'mimo')).toEqual([]);
    expect(planDeliveries(surveySent, builtInPolicy('mimo'), [])[0]?.facts).toMatchObject({
      surveyId: '0193a0b1-7c2e-7000-8000-0000000000f1',
      noteEventId: '0193a0b1-7c2e-7000-8000-0000000000f2',
    });
    expect(types(resolved, 'mit')).toEqual(['resolved']);
    expect(types(surveySent, 'mit')).toEqual([]);
  });

  it('sends MiT’s customer the expected date, and not Mimo’s, whose policy promises none', () => {
    const expected: NotificationTrigger = { ...base, on: 'expected_date', expectedAt: '2026-03-20T10:00:00Z' };
    expect(types(expected, 'mit')).toEqual(['expected_date']);
    expect(types(expected, 'mimo')).toEqual([]);
  });

  it('sends a progress update with the history when imolocale’s regular update lapses, and on no other clock', () => {
    const history = [{ type: 'received', at: base.at } as const];
    const [update] = planDeliveries({ ...base, on: 'clock_breached', metric: 'regular_update' }, builtInPolicy('imolocale'), history);
    expect(update).toMatchObject({ messageType: 'progress_update', facts: { history } });
    expect(types({ ...base, on: 'clock_breached', metric: 'findings' }, 'imolocale')).toEqual([]);
    expect(types({ ...base, on: 'clock_breached', metric: 'regular_update' }, 'mimo')).toEqual([]);
  });

  it('tells the customer told of a closure that it was withdrawn, without intake’s note, and lists it as a reopening', () => {
    const withdrawn: NotificationTrigger = { ...base, on: 'closure_withdrawn' };
    expect(planDeliveries(withdrawn, builtInPolicy('modmount'), [])).toEqual([
      { messageType: 'closure_withdrawn', recipient: { kind: 'customer' }, facts: { occurredAt: base.at } },
    ]);
    const silentOnClosure = { ...builtInPolicy('modmount'), notifications: { ...builtInPolicy('modmount').notifications, customer: [] } };
    expect(planDeliveries(withdrawn, silentOnClosure, [])).toEqual([]);
    expect(historyStepOf(withdrawn)).toEqual({ type: 'reopened', at: base.at });
  });

  it('tells the team of the level reached, and imolocale’s customer too', () => {
    const raised: NotificationTrigger = {
      ...base,
      on: 'level_raised',
      level: 2,
      levelName: 'Problem-resolution team',
      notifies: ['problem_resolution_team'],
      trigger: 'clock_breach',
      metric: 'escalation_level_2',
    };
    expect(types(raised, 'imolocale')).toEqual(['escalated', 'team_escalation→problem_resolution_team']);
    expect(types({ ...raised, notifies: ['customer_care_supervisor'] }, 'mimo')).toEqual(['team_escalation→customer_care_supervisor']);
  });

  it('alerts the current level’s team of clock warnings, not of other notices', () => {
    const notified = { ...base, on: 'level_notified', level: 1, levelName: 'Complaints team', notifies: ['complaints_team'], metric: 'acknowledgement' } as const;
    expect(types({ ...notified, trigger: 'clock_warning' }, 'modmount')).toEqual(['team_alert→complaints_team']);
    expect(types({ ...notified, trigger: 'manual' }, 'modmount')).toEqual([]);
  });
});
