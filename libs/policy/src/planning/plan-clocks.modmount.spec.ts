import { clockOf, planInZone } from '../../test/plan-helpers';
import { builtInPolicy } from '../seeds/built-in-policies';
import { planClocks } from './plan-clocks';

describe(`${planClocks.name} with the Modmount policy`, () => {
  const modmount = builtInPolicy('modmount');

  it('proposes corrective actions within 30 business days across French holidays and the March DST change', () => {
    const { plan, ...clocks } = planInZone(modmount, {
      kind: 'complaint',
      channel: 'email',
      receivedAt: '2026-03-20T10:00:00+01:00',
    });
    // Easter Monday 6 Apr and 1 May are skipped; the deadline is at 18:00 summer time.
    expect(clocks['corrective_actions']?.dueAt).toBe('2026-05-05T18:00:00+02:00');
    expect(clockOf(plan, 'corrective_actions').explanation).toMatch(
      /skipped holidays: Mon 6 Apr \(Lundi de Pâques\), Fri 1 May \(Fête du travail\)/,
    );
  });

  it('gives an inquiry an interim response within 3 business days, and no complaint clocks', () => {
    const clocks = planInZone(modmount, {
      kind: 'inquiry',
      channel: 'chat',
      receivedAt: '2026-03-20T10:00:00+01:00',
    });
    expect(clocks['interim_response']?.dueAt).toBe('2026-03-25T18:00:00+01:00');
    expect(Object.keys(clocks).filter((key) => key !== 'plan')).toEqual(['interim_response']);
  });

  it('starts the acknowledgement of an upgraded inquiry at the upgrade', () => {
    const clocks = planInZone(modmount, {
      kind: 'complaint',
      channel: 'email',
      receivedAt: '2026-03-20T10:00:00+01:00',
      upgradedAt: '2026-03-27T15:00:00+01:00',
    });
    expect(clocks['acknowledgement']).toMatchObject({
      startedAt: '2026-03-27T15:00:00+01:00',
      dueAt: '2026-04-03T18:00:00+02:00',
    });
    expect(clocks['interim_response']).toBeUndefined();
    // Staleness still counts from the inquiry's original receipt.
    expect(clocks['stale']?.dueAt).toBe('2026-06-20T10:00:00+02:00');
  });

  it('runs only the acknowledgement while a third party waits for written authorisation', () => {
    const { plan, ...clocks } = planInZone(modmount, {
      kind: 'complaint',
      channel: 'email',
      receivedAt: '2026-03-02T10:00:00+01:00',
      thirdParty: true,
    });
    expect(clocks['acknowledgement']?.status).toBe('running');
    expect(clocks['corrective_actions']).toMatchObject({ status: 'paused', dueAt: null, warnAt: null });
    expect(clockOf(plan, 'corrective_actions').remainingMs).toBe(30 * 9 * 3_600_000 + 8 * 3_600_000);
  });

  it('resumes the corrective-actions clock once the authorisation is verified', () => {
    const clocks = planInZone(modmount, {
      kind: 'complaint',
      channel: 'email',
      receivedAt: '2026-03-02T10:00:00+01:00',
      thirdParty: true,
      authorisationVerifiedAt: '2026-03-04T10:00:00+01:00',
    });
    // Two business days spent waiting move the deadline two business days later.
    const unpaused = planInZone(modmount, {
      kind: 'complaint',
      channel: 'email',
      receivedAt: '2026-03-02T10:00:00+01:00',
    });
    expect(unpaused['corrective_actions']?.dueAt).toBe('2026-04-14T18:00:00+02:00');
    expect(clocks['corrective_actions']?.dueAt).toBe('2026-04-16T18:00:00+02:00');
  });

  it('starts the non-cooperation window at a request for information', () => {
    const clocks = planInZone(modmount, {
      kind: 'complaint',
      channel: 'email',
      receivedAt: '2026-03-02T10:00:00+01:00',
      informationRequestedAt: '2026-03-03T11:00:00+01:00',
    });
    expect(clocks['non_cooperation']?.dueAt).toBe('2026-03-31T18:00:00+02:00');
  });
});
