import { serviceEnvSchema, toServiceConfig } from '@complaints/config';
import { launchService } from '@complaints/telemetry';

launchService(
  'audit',
  serviceEnvSchema,
  (env) => toServiceConfig('audit', env),
  async () => (await import('./audit-app.js')).startAudit,
);
