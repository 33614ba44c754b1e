// The fault suite alone (`npm run test:faults`, RELIABILITY.md): one scenario at a time on one
// rig, nothing else competing for the machine's two cores, in the full profile unless
// FAULTS_PROFILE says otherwise. `npm test` runs its CI profile within the end-to-end run.
module.exports = {
  ...require('../../../jest.preset.cjs'),
  rootDir: '..',
  displayName: 'faults',
  testMatch: ['<rootDir>/faults/**/*.faults.spec.ts'],
  testTimeout: 30 * 60_000,
  maxWorkers: 1,
};
