import { describeBusAccess } from '@complaints/service-testing';
import { intakeEnvSchema, toIntakeConfig } from '../src/intake-config';
import { startIntake } from '../src/intake-app';

/** What intake does on NATS is what the access table, and so its deployed NATS user, allows it. */
describeBusAccess('intake', { envSchema: intakeEnvSchema, toConfig: toIntakeConfig, start: startIntake });
