import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readyBanner } from './banner.mjs';

const base = {
  services: [
    { name: 'intake', port: 3001 },
    { name: 'gateway', port: 3000 },
  ],
  postgres: { label: 'embedded PostgreSQL', url: 'postgres://postgres:postgres@127.0.0.1:5555/complaints' },
  nats: { label: 'nats-server started by npm start', url: 'nats://127.0.0.1:6666' },
  mail: { label: 'mail catcher (maildev) started by npm start', smtpUrl: 'smtp://127.0.0.1:1025', webUrl: 'http://127.0.0.1:1080' },
  logsDir: '.local/logs',
  idempotencyKey: '00000000-0000-4000-8000-000000000000',
};

describe('readyBanner', () => {
  it('says how to use the platform', () => {
    const text = readyBanner({ ...base, env: {} });
    for (const expected of [
      'Gateway        http://localhost:3000',
      'submitter  dev-submitter-key',
      'admin      dev-admin-key',
      'dev-<organisation>-<role>-key for mimo, mit, modmount, imolocale',
      "curl -X POST http://localhost:3000/v1/complaints -H 'Authorization: Bearer dev-submitter-key'",
      "-H 'Idempotency-Key: 00000000-0000-4000-8000-000000000000'",
      '"policyId":"mimo"',
      '.local/logs/<service>.log',
      'postgres://postgres:postgres@127.0.0.1:5555/complaints',
      'nats://127.0.0.1:6666',
      'docker compose up -d jaeger otel-collector',
      'http://localhost:16686',
      'Mail catcher   http://127.0.0.1:1080',
      'smtp://127.0.0.1:1025',
    ]) {
      assert.ok(text.includes(expected), `missing: ${expected}`);
    }
  });

  it('does not print dev keys the services are not using', () => {
    const text = readyBanner({
      ...base,
      env: { API_KEYS: 'admin:secret-key-123', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' },
    });
    assert.doesNotMatch(text, /dev-submitter-key/);
    assert.doesNotMatch(text, /secret-key-123/);
    assert.match(text, /exporting OTLP\/HTTP to http:\/\/c:4318/);
  });

  it('shows the mail server given in SMTP_URL without its password, and no catcher', () => {
    const mail = { label: 'SMTP_URL from your environment', smtpUrl: 'smtps://user:s3cret@mail.example.com:465', webUrl: null };
    const text = readyBanner({ ...base, mail, env: {} });
    assert.doesNotMatch(text, /s3cret/);
    assert.doesNotMatch(text, /Mail catcher/);
    assert.match(text, /smtps:\/\/mail\.example\.com:465/);
  });
});
