import { serviceEnvSchema, toServiceConfig } from '@complaints/config';
import { launchService } from '@complaints/telemetry';

launchService(
  'feedback',
  serviceEnvSchema,
  (env) => toServiceConfig('feedback', env),
  async () => (await import('./feedback-app.js')).startFeedback,
);
