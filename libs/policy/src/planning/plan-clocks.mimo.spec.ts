import { clockOf, planInZone } from '../../test/plan-helpers';
import { builtInPolicy } from '../seeds/built-in-policies';
import { planClocks } from './plan-clocks';

describe(`${planClocks.name} with the Mimo policy`, () => {
  const mimo = builtInPolicy('mimo');

  it('makes a complaint received Friday 16:30 due for acknowledgement Monday 10:30', () => {
    const clocks = planInZone(mimo, {
      kind: 'complaint',
      channel: 'email',
      receivedAt: '2026-01-02T16:30:00Z',
    });
    expect(clocks['acknowledgement']).toEqual({
      status: 'running',
      startedAt: '2026-01-02T16:30:00Z',
      dueAt: '2026-01-05T10:30:00Z',
      warnAt: '2026-01-05T10:00:00Z',
    });
  });

  it('explains the acknowledgement step by step with the calendar used', () => {
    const { plan } = planInZone(mimo, {
      kind: 'complaint',
      channel: 'email',
      receivedAt: '2026-01-02T16:30:00Z',
    });
    expect(clockOf(plan, 'acknowledgement').explanation).toContain(
      '2 business hours from Fri 2 Jan 2026 16:30 UTC: 30 min Fri 2 Jan, 1 h 30 min Mon 5 Jan from 09:00 → Mon 5 Jan 2026 10:30',
    );
    expect(clockOf(plan, 'acknowledgement').explanation).toContain(
      'calendar: UTC, Mon–Fri 09:00–17:00, no public holidays',
    );
  });

  it('gives email a first reply within 8 business hours', () => {
    const clocks = planInZone(mimo, {
      kind: 'complaint',
      channel: 'email',
      receivedAt: '2026-01-05T10:00:00Z',
    });
    // 7 h on Monday from 10:00, 1 h on Tuesday.
    expect(clocks['first_reply']?.dueAt).toBe('2026-01-06T10:00:00Z');
  });

  it('gives chat a first reply within 5 business minutes, marked as a default', () => {
    const { plan, ...clocks } = planInZone(mimo, {
      kind: 'complaint',
      channel: 'chat',
      receivedAt: '2026-01-05T16:58:00Z',
    });
    expect(clocks['first_reply']?.dueAt).toBe('2026-01-06T09:03:00Z');
    expect(clockOf(plan, 'first_reply').defaulted).toBe(true);
  });

  it('resolves within 5 business days of receipt, at close of business', () => {
    const clocks = planInZone(mimo, {
      kind: 'complaint',
      channel: 'email',
      receivedAt: '2026-01-05T10:00:00Z',
    });
    expect(clocks['resolution']?.dueAt).toBe('2026-01-12T17:00:00Z');
  });

  it('moves the resolution by the open time spent awaiting the customer, but not the acknowledgement', () => {
    const clocks = planInZone(mimo, {
      kind: 'complaint',
      channel: 'email',
      receivedAt: '2026-01-05T10:00:00Z',
      pauses: [{ from: '2026-01-06T12:00:00Z', to: '2026-01-07T12:00:00Z' }],
    });
    // Tue 12:00–17:00 and Wed 09:00–12:00: 8 h of open time inside the pause.
    expect(clocks['resolution']?.dueAt).toBe('2026-01-13T17:00:00Z');
    expect(clocks['acknowledgement']?.dueAt).toBe('2026-01-05T12:00:00Z');
  });

  it('opens the survey window for 7 days once the survey is sent', () => {
    const pending = planInZone(mimo, {
      kind: 'complaint',
      channel: 'email',
      receivedAt: '2026-01-05T10:00:00Z',
    });
    expect(pending['survey_window']).toMatchObject({ status: 'pending', dueAt: null });
    const sent = planInZone(mimo, {
      kind: 'complaint',
      channel: 'email',
      receivedAt: '2026-01-05T10:00:00Z',
      surveySentAt: '2026-01-09T15:00:00Z',
    });
    expect(sent['survey_window']?.dueAt).toBe('2026-01-16T15:00:00Z');
  });
});
