import { describeBusAccess } from '@complaints/service-testing';
import { slaEnvSchema, toSlaConfig } from '../src/sla-config';
import { startSla } from '../src/sla-app';

/** What sla does on NATS is what the access table, and so its deployed NATS user, allows it. */
describeBusAccess('sla', { envSchema: slaEnvSchema, toConfig: toSlaConfig, start: startSla });
