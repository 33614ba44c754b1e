import { PolicyDocument, builtInPolicy, planClocksForFacts } from '@complaints/policy';
import { ClockEvent } from '@complaints/policy';
import { reconcileClocks } from '../clocks/reconcile-clocks';
import { SlaComplaint, clockFactsOf } from '../clocks/sla-complaint';
import { compareComplaint } from './compare-complaint';

const mimo = builtInPolicy('mimo');
/** Mimo with its acknowledgement due within one business hour instead of two. */
const halvedAcknowledgement: PolicyDocument = {
  ...mimo,
  version: 2,
  clocks: mimo.clocks.map((clock) =>
    clock.id === 'acknowledgement' ? { ...clock, target: { ...clock.target, amount: 1 } } : clock,
  ),
};
const at = (iso: string) => Date.parse(iso);

/** A Mimo email complaint received on Friday 20 November 2026 at 16:30 UTC: acknowledgement due Monday 10:30. */
function complaintWith(events: [ClockEvent, string][]): SlaComplaint {
  return {
    complaintId: '0193a1b2-0000-7000-8000-000000000001',
    policyId: 'mimo',
    policyVersion: 1,
    kind: 'complaint',
    channel: 'email',
    receivedAt: at('2026-11-20T16:30:00Z'),
    thirdParty: false,
    pauses: [],
    clockEvents: events.map(([event, iso]) => ({ event, at: at(iso) })),
  };
}

/** The clocks sla would have stored for the complaint under the published Mimo. */
const storedClocksOf = (complaint: SlaComplaint) =>
  reconcileClocks(planClocksForFacts(mimo, clockFactsOf(complaint)), complaint, []);

function acknowledgement(draft: PolicyDocument, complaint: SlaComplaint, now: string) {
  return compareComplaint(draft, complaint, storedClocksOf(complaint), at(now)).find(
    (comparison) => comparison.metric === 'acknowledgement',
  );
}

describe(compareComplaint.name, () => {
  it('finds an acknowledgement 1¼ business hours after receipt met, and breached under a one-hour target', () => {
    const complaint = complaintWith([['acknowledged', '2026-11-23T09:45:00Z']]);
    expect(acknowledgement(halvedAcknowledgement, complaint, '2026-12-01T00:00:00Z')).toMatchObject({
      actual: 'met',
      wouldBe: 'breached',
      actualClock: { dueAt: new Date('2026-11-23T10:30:00Z'), metAt: new Date('2026-11-23T09:45:00Z') },
      wouldBeClock: { dueAt: new Date('2026-11-23T09:30:00Z') },
    });
  });

  it('keeps an acknowledgement inside both targets met, and one after both breached', () => {
    expect(
      acknowledgement(
        halvedAcknowledgement,
        complaintWith([['acknowledged', '2026-11-20T16:50:00Z']]),
        '2026-12-01T00:00:00Z',
      ),
    ).toMatchObject({ actual: 'met', wouldBe: 'met' });
    expect(
      acknowledgement(
        halvedAcknowledgement,
        complaintWith([['acknowledged', '2026-11-23T11:00:00Z']]),
        '2026-12-01T00:00:00Z',
      ),
    ).toMatchObject({ actual: 'breached', wouldBe: 'breached' });
  });

  it('judges an unacknowledged complaint at the instant given: running before the draft deadline, breached after', () => {
    const complaint = complaintWith([]);
    expect(acknowledgement(halvedAcknowledgement, complaint, '2026-11-23T09:29:00Z')).toMatchObject({
      wouldBe: 'running',
    });
    expect(acknowledgement(halvedAcknowledgement, complaint, '2026-11-23T09:30:00Z')).toMatchObject({
      wouldBe: 'breached',
    });
  });

  it('gives every clock the same outcome under the published version itself', () => {
    const complaint = complaintWith([
      ['acknowledged', '2026-11-23T09:45:00Z'],
      ['responded', '2026-11-23T12:00:00Z'],
      ['resolved', '2026-11-25T15:00:00Z'],
    ]);
    const comparisons = compareComplaint(
      mimo,
      complaint,
      storedClocksOf(complaint),
      at('2026-11-26T00:00:00Z'),
    );
    expect(comparisons.map(({ metric, actual, wouldBe }) => ({ metric, actual, wouldBe }))).toEqual([
      { metric: 'acknowledgement', actual: 'met', wouldBe: 'met' },
      { metric: 'first_reply', actual: 'met', wouldBe: 'met' },
      { metric: 'resolution', actual: 'met', wouldBe: 'met' },
      { metric: 'survey_window', actual: 'pending', wouldBe: 'pending' },
    ]);
  });

  it('sets a clock the draft no longer has beside it as absent', () => {
    const withoutSurvey: PolicyDocument = {
      ...mimo,
      version: 2,
      clocks: mimo.clocks.filter((clock) => clock.id !== 'survey_window'),
    };
    const complaint = complaintWith([]);
    const comparisons = compareComplaint(
      withoutSurvey,
      complaint,
      storedClocksOf(complaint),
      at('2026-11-21T00:00:00Z'),
    );
    expect(comparisons.at(-1)).toMatchObject({
      metric: 'survey_window',
      actual: 'pending',
      wouldBe: 'absent',
      wouldBeClock: undefined,
    });
  });
});
