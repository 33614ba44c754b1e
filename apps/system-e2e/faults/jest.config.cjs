// The fault suite (`npm run test:faults`, RELIABILITY.md): one scenario at a time, each with a
// system of its own under load, so scenarios never compete for the machine's two cores. Its
// files are not *.spec.ts under test/, so the ordinary e2e run never picks them up.
module.exports = {
  ...require('../../../jest.preset.cjs'),
  rootDir: '..',
  displayName: 'faults',
  testMatch: ['<rootDir>/faults/**/*.faults.spec.ts'],
  testTimeout: 30 * 60_000,
  maxWorkers: 1,
};
