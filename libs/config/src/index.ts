export { ConfigError, loadConfig } from './load-config';
export { exitOnStartFailure, loadConfigOrExit } from './load-config-or-exit';
export { databaseEnvShape, serviceEnvSchema, serviceEnvShape, toDatabaseServiceConfig, toServiceConfig } from './service-env';
export type { DatabaseServiceConfig, NatsCredentials, ServiceConfig } from './service-env';
export { DEVELOPMENT_PII_KEYS, piiKeysEnvShape, piiKeysFromEnv } from './encryption-keys';
export type { EncryptionKey } from './encryption-keys';
