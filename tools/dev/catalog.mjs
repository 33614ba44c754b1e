// The seven services: names, ports, entry files and the environment each one gets.
// Pure (paths are joined, never read), unit tested in catalog.test.mjs.

import { join } from 'node:path';

/** Start order: intake and the consumers first, the public gateway last. Offset = port - base. */
export const SERVICES = [
  { name: 'intake', offset: 1 },
  { name: 'sla', offset: 2 },
  { name: 'escalation', offset: 3 },
  { name: 'notifications', offset: 4 },
  { name: 'feedback', offset: 5 },
  { name: 'audit', offset: 6 },
  { name: 'gateway', offset: 0 },
];

export const DEFAULT_BASE_PORT = 3000;

/** DEV ONLY values, also in docker-compose.yml and the README. Never reuse them. */
const DEV_ROLES = ['submitter', 'agent', 'auditor', 'admin'];
const SEED_ORGANISATIONS = ['mimo', 'mit', 'modmount', 'imolocale'];
export const DEV_API_KEYS = [
  // The platform's operators: every organisation.
  ...DEV_ROLES.map((role) => ({ role, key: `dev-${role}-key`, name: `dev-${role}`, organisation: '*' })),
  // Each seed organisation's people, who see only their own (e.g. dev-mimo-agent-key).
  ...SEED_ORGANISATIONS.flatMap((organisation) =>
    DEV_ROLES.map((role) => ({ role, key: `dev-${organisation}-${role}-key`, name: `dev-${organisation}-${role}`, organisation })),
  ),
];
export const DEV_PII_ENCRYPTION_KEYS = 'dev-2026:VrdxHww5ckO2geDJKpcXVnfC5YG13Mt4LrpTbI54LZ8=';
export const DEV_SURVEY_LINK_SECRET = 'dev-only-survey-link-secret-change-me-0123456789';
export const DEFAULT_SMTP_URL = 'smtp://127.0.0.1:1025';

/**
 * COMPLAINTS_BASE_PORT, or 3000. Throws a one-line message when it is not a usable port.
 * @param {NodeJS.ProcessEnv} env
 */
export function basePort(env) {
  const raw = env.COMPLAINTS_BASE_PORT?.trim();
  if (!raw) return DEFAULT_BASE_PORT;
  const port = Number(raw);
  const last = 65535 - Math.max(...SERVICES.map((s) => s.offset));
  if (!Number.isInteger(port) || port < 1 || port > last) {
    throw new Error(`COMPLAINTS_BASE_PORT must be a whole number from 1 to ${last} (got "${raw}")`);
  }
  return port;
}

export const DEFAULT_READY_TIMEOUT_S = 60;

/**
 * How long the services get to become ready: COMPLAINTS_READY_TIMEOUT (seconds), or 60.
 * @param {NodeJS.ProcessEnv} env
 */
export function readyTimeoutMs(env) {
  const raw = env.COMPLAINTS_READY_TIMEOUT?.trim();
  if (!raw) return DEFAULT_READY_TIMEOUT_S * 1000;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new Error(`COMPLAINTS_READY_TIMEOUT must be a number of seconds above 0 (got "${raw}")`);
  }
  return seconds * 1000;
}

/**
 * @typedef {{ name: string, port: number, entry: string, env: NodeJS.ProcessEnv }} ServiceSpec
 */

/**
 * What to run for each service, in start order.
 * @param {{ env: NodeJS.ProcessEnv, repoRoot: string, databaseUrl: string, natsUrl: string, smtpUrl?: string }} input
 *   env is the runner's own environment: every service inherits it, then gets its own values;
 *   smtpUrl is the mail server the runner resolved (SMTP_URL or its mail catcher)
 * @returns {ServiceSpec[]}
 */
export function serviceSpecs({ env, repoRoot, databaseUrl, natsUrl, smtpUrl }) {
  const base = basePort(env);
  const gatewayUrl = `http://localhost:${base}`;
  return SERVICES.map(({ name, offset }) => {
    const port = base + offset;
    /** @type {NodeJS.ProcessEnv} */
    const serviceEnv = {
      ...env,
      DATABASE_URL: databaseUrl,
      NATS_URL: natsUrl,
      PORT: String(port),
      LOG_LEVEL: env.LOG_LEVEL || 'info',
      ...ownEnv(name, env, gatewayUrl, smtpUrl),
    };
    // An empty value would fail the service's URL validation; unset means "no exporter".
    if (!serviceEnv.OTEL_EXPORTER_OTLP_ENDPOINT) delete serviceEnv.OTEL_EXPORTER_OTLP_ENDPOINT;
    // The gateway keeps no state: it is not even told where the database is.
    if (name === 'gateway') delete serviceEnv.DATABASE_URL;
    return { name, port, entry: entryFile(repoRoot, name), env: serviceEnv };
  });
}

/**
 * @param {string} repoRoot
 * @param {string} name
 */
export function entryFile(repoRoot, name) {
  return join(repoRoot, 'apps', name, 'dist', 'main.js');
}

/**
 * @param {string} name
 * @param {NodeJS.ProcessEnv} env
 * @param {string} gatewayUrl
 * @param {string | undefined} smtpUrl
 * @returns {NodeJS.ProcessEnv}
 */
function ownEnv(name, env, gatewayUrl, smtpUrl) {
  switch (name) {
    case 'gateway':
      return { API_KEYS: env.API_KEYS || DEV_API_KEYS.map(({ role, key, name, organisation }) => `${role}:${key}:${name}:${organisation}`).join(',') };
    case 'intake':
      return { PII_ENCRYPTION_KEYS: env.PII_ENCRYPTION_KEYS || DEV_PII_ENCRYPTION_KEYS };
    case 'notifications':
      return { SMTP_URL: smtpUrl || env.SMTP_URL || DEFAULT_SMTP_URL };
    case 'feedback':
      return {
        SURVEY_LINK_SECRET: env.SURVEY_LINK_SECRET || DEV_SURVEY_LINK_SECRET,
        PUBLIC_BASE_URL: env.PUBLIC_BASE_URL || gatewayUrl,
      };
    default:
      // audit: AUDIT_SIGNING_KEY is inherited when set, like every other variable.
      return {};
  }
}
