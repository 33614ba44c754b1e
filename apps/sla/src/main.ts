import { serviceEnvSchema, toServiceConfig } from '@complaints/config';
import { launchService } from '@complaints/telemetry';

launchService(
  'sla',
  serviceEnvSchema,
  (env) => toServiceConfig('sla', env),
  async () => (await import('./sla-app.js')).startSla,
);
