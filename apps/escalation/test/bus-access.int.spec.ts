import { serviceEnvSchema, toDatabaseServiceConfig } from '@complaints/config';
import { describeBusAccess } from '@complaints/service-testing';
import { startEscalation } from '../src/escalation-app';

/** What escalation does on NATS is what the access table, and so its deployed NATS user, allows it. */
describeBusAccess('escalation', {
  envSchema: serviceEnvSchema,
  toConfig: (env) => toDatabaseServiceConfig('escalation', env),
  start: startEscalation,
});
