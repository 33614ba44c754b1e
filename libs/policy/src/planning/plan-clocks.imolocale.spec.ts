import { clockOf, planInZone } from '../../test/plan-helpers';
import { builtInPolicy } from '../seeds/built-in-policies';
import { planClocks } from './plan-clocks';

describe(`${planClocks.name} with the imolocale policy`, () => {
  const imolocale = builtInPolicy('imolocale');
  const facts = {
    kind: 'complaint',
    channel: 'email',
    receivedAt: '2026-10-24T12:00:00+02:00',
    firstContactAt: '2026-10-24T10:00:00+02:00',
  } as const;

  it('counts 24 h and 48 h of elapsed time from first contact across the October DST change', () => {
    const clocks = planInZone(imolocale, facts);
    expect(clocks['escalation_level_2']?.dueAt).toBe('2026-10-25T09:00:00+01:00');
    expect(clocks['findings']?.dueAt).toBe('2026-10-26T09:00:00+01:00');
    expect(clocks['escalation_level_3']?.dueAt).toBe('2026-10-26T09:00:00+01:00');
  });

  it('resolves within 5 calendar days of first contact, keeping the local wall-clock time', () => {
    const { plan, ...clocks } = planInZone(imolocale, facts);
    expect(clocks['resolution']?.dueAt).toBe('2026-10-29T10:00:00+01:00');
    expect(clockOf(plan, 'resolution').explanation).toContain(
      '5 days from Sat 24 Oct 2026 10:00 (+02:00) keeping the wall-clock time in Europe/Paris → Thu 29 Oct 2026 10:00 (+01:00)',
    );
  });

  it('sends a regular update every 24 hours, as a repeating default', () => {
    const { plan, ...clocks } = planInZone(imolocale, facts);
    expect(clocks['regular_update']?.dueAt).toBe('2026-10-25T09:00:00+01:00');
    expect(clockOf(plan, 'regular_update')).toMatchObject({ restartsOn: ['update_sent'], defaulted: true });
  });

  it('never pauses its clocks', () => {
    const clocks = planInZone(imolocale, {
      ...facts,
      pauses: [{ from: '2026-10-24T13:00:00+02:00', to: '2026-10-24T20:00:00+02:00' }],
    });
    expect(clocks['resolution']?.dueAt).toBe('2026-10-29T10:00:00+01:00');
  });

  it('counts from receipt when no first contact is given', () => {
    const clocks = planInZone(imolocale, {
      kind: 'complaint',
      channel: 'email',
      receivedAt: '2026-10-24T12:00:00+02:00',
    });
    expect(clocks['escalation_level_2']?.dueAt).toBe('2026-10-25T11:00:00+01:00');
  });
});
