export { ConfigError, loadConfig } from './load-config';
export { exitOnStartFailure, loadConfigOrExit } from './load-config-or-exit';
export { serviceEnvSchema, serviceEnvShape, toServiceConfig } from './service-env';
export type { ServiceConfig } from './service-env';
