import { clockOf, planInZone } from '../../test/plan-helpers';
import { InvalidClockFactsError } from '../policy-errors';
import { builtInPolicy } from '../seeds/built-in-policies';
import { planClocks } from './plan-clocks';

describe(`${planClocks.name} with the MiT policy`, () => {
  const mit = builtInPolicy('mit');
  const complaint = { kind: 'complaint', channel: 'email' } as const;

  it('skips the 2026 Tết break when counting working days', () => {
    const { plan, ...clocks } = planInZone(mit, { ...complaint, receivedAt: '2026-02-11T10:00:00+07:00' });
    // Thu 12, Fri 13, then Mon 23 – Fri 27 Feb: the break Mon 16 – Fri 20 Feb is not worked.
    expect(clocks['resolution']?.dueAt).toBe('2026-02-27T17:00:00+07:00');
    expect(clockOf(plan, 'resolution').explanation).toMatch(/skipped holidays: Mon 16 Feb \(Tết break\)/);
  });

  it('warns at the close of the third working day', () => {
    const clocks = planInZone(mit, { ...complaint, receivedAt: '2026-02-11T10:00:00+07:00' });
    expect(clocks['resolution']?.warnAt).toBe('2026-02-23T17:00:00+07:00');
  });

  it('works Saturday 22 August 2026, the make-up working day', () => {
    const { plan, ...clocks } = planInZone(mit, { ...complaint, receivedAt: '2026-08-21T16:30:00+07:00' });
    expect(clocks['acknowledgement']?.dueAt).toBe('2026-08-22T17:00:00+07:00');
    // Sat 22 (1), Mon 24 – Fri 28 (2–6), National Day break 31 Aug – 2 Sep, Thu 3 Sep (7).
    expect(clocks['resolution']?.dueAt).toBe('2026-09-03T17:00:00+07:00');
    expect(clockOf(plan, 'resolution').explanation).toContain('Sat 22 Aug (make-up working Saturday) (1)');
  });

  it('skips Hùng Kings moved to Monday 27 April', () => {
    const clocks = planInZone(mit, { ...complaint, receivedAt: '2026-04-24T09:00:00+07:00' });
    expect(clocks['acknowledgement']?.dueAt).toBe('2026-04-28T17:00:00+07:00');
  });

  it('starts counting at the next opening for a message sent on New Year’s Eve evening', () => {
    const clocks = planInZone(mit, { ...complaint, receivedAt: '2026-12-31T16:30:00+07:00' });
    expect(clocks['acknowledgement']?.dueAt).toBe('2027-01-04T17:00:00+07:00');
    expect(clocks['resolution']?.dueAt).toBe('2027-01-12T17:00:00+07:00');
  });

  it('moves the resolution of a complex complaint to the expected date an agent sets', () => {
    const { plan, ...clocks } = planInZone(mit, {
      ...complaint,
      receivedAt: '2026-03-02T10:00:00+07:00',
      expectedDate: '2026-03-31',
      pauses: [{ from: '2026-03-03T09:00:00+07:00', to: '2026-03-05T09:00:00+07:00' }],
    });
    expect(clocks['resolution']?.dueAt).toBe('2026-03-31T17:00:00+07:00');
    expect(clockOf(plan, 'resolution').expectedDateApplied).toBe(true);
    expect(clockOf(plan, 'resolution').explanation).toMatch(
      /an agent set the expected date: close of business on 2026-03-31/,
    );
  });

  it('refuses an expected date before the complaint was received', () => {
    expect(() =>
      planClocks(mit, { ...complaint, receivedAt: '2026-03-02T10:00:00+07:00', expectedDate: '2026-02-27' }),
    ).toThrow(InvalidClockFactsError);
  });
});
