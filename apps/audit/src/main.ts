import { launchService } from '@complaints/telemetry';
import { auditEnvSchema, toAuditConfig } from './audit-config';

launchService('audit', auditEnvSchema, toAuditConfig, async () => (await import('./audit-app.js')).startAudit);
