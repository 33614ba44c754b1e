// One jest set-up for every project: TypeScript through ts-jest, workspace libs loaded
// from their sources (the @complaints/source export condition), so tests never need a build.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  testEnvironmentOptions: { customExportConditions: ['@complaints/source', 'node', 'require', 'default'] },
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', isolatedModules: true }] },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  clearMocks: true,
  // Integration tests and their hooks create databases, run migrations and start services on
  // the real PostgreSQL and NATS: seconds on a quiet machine, several times that when a full
  // `npm test` runs projects side by side on two cores. Jest's 5 s default turned that load
  // into failures; a hung test still fails, after 30 s.
  testTimeout: 30_000,
};
