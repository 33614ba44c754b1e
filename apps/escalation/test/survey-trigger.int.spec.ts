import { SurveyAnsweredV1 } from '@complaints/contracts';
import { ComplaintEvents, complaintEvents } from '@complaints/service-testing';
import { waitFor } from '@complaints/testing';
import { EscalationFixture } from './escalation-fixture';

describe('the dissatisfied-survey trigger', () => {
  let fixture: EscalationFixture;

  beforeAll(async () => {
    fixture = await EscalationFixture.start();
  }, 30_000);

  afterAll(() => fixture?.stop());

  async function mimoComplaintOnItsLadder(): Promise<ComplaintEvents> {
    const complaint = complaintEvents({ policyId: 'mimo' });
    await fixture.publish(complaint.received());
    await waitFor('the ladder', () => fixture.levelOf(complaint.complaintId));
    return complaint;
  }

  const raisedByTheSurvey = {
    type: 'escalation.level-raised',
    data: {
      policyId: 'mimo',
      policyVersion: 1,
      fromLevel: 1,
      toLevel: 2,
      levelName: 'Customer Care Supervisor',
      notifies: ['customer_care_supervisor'],
      trigger: 'dissatisfied_survey',
      metric: null,
      final: false,
    },
  };

  it('leaves a Mimo complaint where it is when the customer is satisfied', async () => {
    const complaint = await mimoComplaintOnItsLadder();
    const answer = await fixture.publish(complaint.surveyAnswered(4));
    await waitFor('the answer processed', () => fixture.processed(answer.id));
    expect(await fixture.outboxEvents(complaint.complaintId)).toEqual([]);
    expect(await fixture.levelOf(complaint.complaintId)).toBe(1);
  });

  it('escalates a Mimo complaint one level when the customer is dissatisfied', async () => {
    const complaint = await mimoComplaintOnItsLadder();
    await fixture.publish(complaint.surveyAnswered(2));
    expect(await fixture.outboxEventsAtLeast(complaint.complaintId, 1)).toEqual([raisedByTheSurvey]);
    expect(await fixture.levelOf(complaint.complaintId)).toBe(2);
  });

  it('escalates once for one answer, however often it is delivered', async () => {
    const complaint = await mimoComplaintOnItsLadder();
    const answer = await fixture.publish(complaint.surveyAnswered(1));
    await fixture.outboxEventsAtLeast(complaint.complaintId, 1);

    // Within the duplicate window JetStream drops the republished message itself…
    expect((await fixture.bus.publish(answer)).duplicate).toBe(true);
    // …after it, the message is stored again and escalation's inbox must drop it.
    const sequence = await fixture.bus.republish(answer);
    await waitFor('the replay acknowledged', () =>
      fixture.bus.acknowledged(SurveyAnsweredV1.stream, 'escalation-surveys', sequence),
    );

    expect(await fixture.outboxEvents(complaint.complaintId)).toEqual([raisedByTheSurvey]);
    expect(await fixture.levelOf(complaint.complaintId)).toBe(2);
  });
});
