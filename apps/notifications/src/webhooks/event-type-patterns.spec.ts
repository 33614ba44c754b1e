import { subscribesTo } from './event-type-patterns';

describe(subscribesTo.name, () => {
  it('takes an event type it names', () => {
    expect(subscribesTo(['complaint.resolved', 'sla.clock-breached'], 'sla.clock-breached')).toBe(true);
  });

  it('takes every event of a family it names with .*', () => {
    expect(subscribesTo(['complaint.*'], 'complaint.received')).toBe(true);
    expect(subscribesTo(['complaint.*'], 'complaint.dispute-tier-changed')).toBe(true);
  });

  it('leaves other types and families aside', () => {
    expect(subscribesTo(['complaint.resolved'], 'complaint.received')).toBe(false);
    expect(subscribesTo(['complaint.*'], 'escalation.dispute-tier-changed')).toBe(false);
    expect(subscribesTo(['sla.*'], 'survey.answered')).toBe(false);
  });

  it('does not read a type as a prefix of a longer one', () => {
    expect(subscribesTo(['complaint.re'], 'complaint.resolved')).toBe(false);
  });
});
