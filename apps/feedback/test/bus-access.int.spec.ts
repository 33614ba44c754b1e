import { describeBusAccess } from '@complaints/service-testing';
import { feedbackEnvSchema, toFeedbackConfig } from '../src/feedback-config';
import { startFeedback } from '../src/feedback-app';

/** What feedback does on NATS is what the access table, and so its deployed NATS user, allows it. */
describeBusAccess('feedback', { envSchema: feedbackEnvSchema, toConfig: toFeedbackConfig, start: startFeedback });
