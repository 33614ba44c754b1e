// System tests start the built services as real processes; give them time to boot. Each file
// runs on its own database, NATS namespace and ports, so two files run side by side: most of a
// file's time is spent waiting on the system's timers, not on the machine's cores.
//
// The fault suite runs here too, in its CI profile (RELIABILITY.md, "Budget"), first, so its
// outages and restarts overlap the other files instead of adding minutes after them;
// `npm run test:faults` runs its full profile alone.
process.env['FAULTS_PROFILE'] ??= 'ci';

const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'system-e2e',
  testMatch: [...preset.testMatch, '<rootDir>/faults/**/*.faults.spec.ts'],
  testSequencer: '<rootDir>/faults/support/faults-first-sequencer.cjs',
  testTimeout: 90_000,
  maxWorkers: 2,
};
