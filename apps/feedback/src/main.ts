import { launchService } from '@complaints/telemetry';
import { feedbackEnvSchema, toFeedbackConfig } from './feedback-config';

launchService('feedback', feedbackEnvSchema, toFeedbackConfig, async () => (await import('./feedback-app.js')).startFeedback);
