import { serviceEnvSchema, toDatabaseServiceConfig } from '@complaints/config';
import { launchService } from '@complaints/telemetry';

launchService(
  'feedback',
  serviceEnvSchema,
  (env) => toDatabaseServiceConfig('feedback', env),
  async () => (await import('./feedback-app.js')).startFeedback,
);
