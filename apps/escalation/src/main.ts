import { serviceEnvSchema, toServiceConfig } from '@complaints/config';
import { launchService } from '@complaints/telemetry';

launchService(
  'escalation',
  serviceEnvSchema,
  (env) => toServiceConfig('escalation', env),
  async () => (await import('./escalation-app.js')).startEscalation,
);
