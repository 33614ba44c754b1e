import { crashes } from './scenarios/crashes';
import { databaseOutage } from './scenarios/database-outage';
import { orderingChaos } from './scenarios/ordering-chaos';
import { outageDeadlines } from './scenarios/outage-deadlines';
import { Scenario } from './scenarios/scenario';
import { skewedClocks } from './scenarios/skewed-clocks';
import { publishFastPolicy } from './support/fast-policy';
import { faultProfile } from './support/fault-profile';
import { FaultRig } from './support/fault-rig';
import { heldReport } from './support/invariants';
import { plantViolations } from './support/planted-violations';

/*
 * The fault suite (RELIABILITY.md): one rig, the scenarios in turn, every invariant checked over
 * everything accepted so far after each. FAULTS_PROFILE=ci scales the load down for CI.
 */

const profile = faultProfile();
const SCENARIOS: readonly Scenario[] = [orderingChaos, outageDeadlines, databaseOutage, crashes, skewedClocks];

describe(`the platform under faults (${profile.name} profile)`, () => {
  let rig: FaultRig | undefined;

  beforeAll(async () => {
    rig = await FaultRig.start(profile);
    await publishFastPolicy(rig);
  }, 600_000);

  afterAll(() => rig?.stop());

  it.each(SCENARIOS.map((scenario) => ({ title: scenario.title, scenario })))('$title', async ({ scenario }) => {
    if (!rig) throw new Error('the rig did not start');
    const startedAt = Date.now();
    const outcome = await scenario.run(rig);
    const report = await rig.check(scenario.name, { accepted: outcome.accepted, startedAt }, outcome.faults);
    expect(outcome.unanswered).toBe(0);
    expect(report).toEqual(heldReport(rig.accepted.length));
  });

  // Last, since it corrupts the system for good: the checks above could have failed.
  it('notices one violation of each kind planted in the settled system', async () => {
    if (!rig) throw new Error('the rig did not start');
    const expected = await plantViolations(rig);
    expect(await rig.check('planted-violations', { accepted: 0, startedAt: Date.now() }, { planted: 'one of each kind' })).toEqual(expected);
  });
});
