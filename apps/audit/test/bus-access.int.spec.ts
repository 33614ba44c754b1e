import { describeBusAccess } from '@complaints/service-testing';
import { auditEnvSchema, toAuditConfig } from '../src/audit-config';
import { startAudit } from '../src/audit-app';

/** What audit does on NATS is what the access table, and so its deployed NATS user, allows it. */
describeBusAccess('audit', { envSchema: auditEnvSchema, toConfig: toAuditConfig, start: startAudit });
