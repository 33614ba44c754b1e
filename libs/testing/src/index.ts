export { isReachable } from './reachable';
export { testInfrastructure } from './test-infrastructure';
export type { TestInfrastructure } from './test-infrastructure';
export { createTestDatabase } from './test-database';
export type { TestDatabase } from './test-database';
export { deleteNamespaceStreams, uniqueNamespace } from './test-namespace';
export { waitFor } from './wait-for';
