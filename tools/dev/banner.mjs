// What the runner prints once everything is up. Pure, unit tested in banner.test.mjs.

import { DEV_API_KEYS } from './catalog.mjs';

/**
 * @typedef {{ name: string, port: number }} Listed
 * @typedef {{ label: string, url: string }} Infra
 * @typedef {{ label: string, smtpUrl: string, webUrl: string | null }} Mail
 */

export const SAMPLE_BODY =
  '{"policyId":"mimo","kind":"complaint","channel":"email","customer":{"name":"Ada Lovelace","email":"ada@example.org"},' +
  '"subject":"Parcel never arrived","description":"Ordered on 2 November; no delivery yet."}';

/**
 * @param {{ services: Listed[], postgres: Infra, nats: Infra, mail: Mail, logsDir: string,
 *           env: NodeJS.ProcessEnv, idempotencyKey: string }} input
 */
export function readyBanner({ services, postgres, nats, mail, logsDir, env, idempotencyKey }) {
  const gateway = services.find((s) => s.name === 'gateway');
  const gatewayUrl = `http://localhost:${gateway?.port ?? 3000}`;
  const keys = env.API_KEYS
    ? ['  from API_KEYS (role:key:name:organisation entries) in your environment']
    : [
        ...DEV_API_KEYS.filter(({ organisation }) => organisation === '*').map(({ role, key }) => `  ${role.padEnd(10)} ${key}`),
        '  and, seeing one organisation only, dev-<organisation>-<role>-key for mimo, mit, modmount, imolocale',
        '  (e.g. dev-mimo-agent-key)',
      ];
  const submitterKey = env.API_KEYS ? '<a submitter key from API_KEYS>' : 'dev-submitter-key';
  const traces = env.OTEL_EXPORTER_OTLP_ENDPOINT
    ? [`  exporting OTLP/HTTP to ${env.OTEL_EXPORTER_OTLP_ENDPOINT}`]
    : [
        '  off. To see traces, run an OTLP/HTTP collector and set OTEL_EXPORTER_OTLP_ENDPOINT, e.g.',
        '    docker compose up -d jaeger otel-collector',
        '    OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318 npm start',
        '  then open http://localhost:16686 (Jaeger).',
      ];
  return [
    '',
    `All ${services.length} services are ready.`,
    '',
    `Gateway        ${gatewayUrl}`,
    ...(mail.webUrl ? [`Mail catcher   ${mail.webUrl}   (every email the services send, e.g. to the customer)`] : []),
    '',
    'API keys (Authorization: Bearer <key>)',
    ...keys,
    '',
    'Try it:',
    `  curl -X POST ${gatewayUrl}/v1/complaints -H 'Authorization: Bearer ${submitterKey}' \\`,
    `    -H 'Idempotency-Key: ${idempotencyKey}' -H 'Content-Type: application/json' \\`,
    `    -d '${SAMPLE_BODY}'`,
    '',
    'Services       ' + services.map((s) => `${s.name}:${s.port}`).join('  '),
    `Logs           ${logsDir}/<service>.log (only warnings and errors are shown here)`,
    `PostgreSQL     ${postgres.label}`,
    `               ${postgres.url}`,
    `NATS           ${nats.label}`,
    `               ${nats.url}`,
    `Mail           ${mail.label}`,
    `               ${mail.smtpUrl.replace(/\/\/[^@/]*@/, '//')}`,
    'Traces',
    ...traces,
    '',
    'Press Ctrl-C to stop everything.',
    '',
  ].join('\n');
}

/**
 * For `--infra-only`: the URLs to give services started by hand.
 * @param {{ postgres: Infra, nats: Infra }} input
 */
export function infraBanner({ postgres, nats }) {
  return [
    '',
    'PostgreSQL and NATS are ready (--infra-only: no services started).',
    `PostgreSQL     ${postgres.label}`,
    `NATS           ${nats.label}`,
    '',
    `  export DATABASE_URL='${postgres.url}'`,
    `  export NATS_URL='${nats.url}'`,
    '',
    'Press Ctrl-C to stop them.',
    '',
  ].join('\n');
}
