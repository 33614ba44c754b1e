import { serviceEnvSchema, toDatabaseServiceConfig } from '@complaints/config';
import { launchService } from '@complaints/telemetry';

launchService(
  'escalation',
  serviceEnvSchema,
  (env) => toDatabaseServiceConfig('escalation', env),
  async () => (await import('./escalation-app.js')).startEscalation,
);
