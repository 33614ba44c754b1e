import { serviceEnvSchema, toDatabaseServiceConfig } from '@complaints/config';
import { launchService } from '@complaints/telemetry';

launchService(
  'audit',
  serviceEnvSchema,
  (env) => toDatabaseServiceConfig('audit', env),
  async () => (await import('./audit-app.js')).startAudit,
);
