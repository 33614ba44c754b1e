import { FaultRig, FaultsInjected } from '../support/fault-rig';

/** What a scenario did: the complaints it had accepted, the faults it injected, the commands that never got an answer. */
export interface ScenarioOutcome {
  readonly accepted: number;
  readonly unanswered: number;
  readonly faults: FaultsInjected;
}

/**
 * One fault scenario: it loads the rig, injects its faults, and leaves every process running
 * again when it returns. The suite then checks every invariant (`FaultRig.check`).
 */
export interface Scenario {
  /** File-safe, for the figures it writes. */
  readonly name: string;
  /** The test's name. */
  readonly title: string;
  run(rig: FaultRig): Promise<ScenarioOutcome>;
}
