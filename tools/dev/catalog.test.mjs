import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEV_PII_ENCRYPTION_KEYS, basePort, readyTimeoutMs, serviceSpecs } from './catalog.mjs';

const input = { repoRoot: '/repo', databaseUrl: 'postgres://p@h:1/complaints', natsUrl: 'nats://h:2' };
/** @param {NodeJS.ProcessEnv} env */
const byName = (env) => Object.fromEntries(serviceSpecs({ ...input, env }).map((s) => [s.name, s]));

describe('serviceSpecs', () => {
  it('runs the seven services from their dist, gateway last, on 3000..3006', () => {
    const specs = serviceSpecs({ ...input, env: {} });
    assert.deepEqual(
      specs.map((s) => [s.name, s.port]),
      [
        ['intake', 3001],
        ['sla', 3002],
        ['escalation', 3003],
        ['notifications', 3004],
        ['feedback', 3005],
        ['audit', 3006],
        ['gateway', 3000],
      ],
    );
    assert.equal(specs[0].entry, '/repo/apps/intake/dist/main.js');
  });

  it('gives every service NATS, its port and LOG_LEVEL info, and the database to all but the gateway', () => {
    for (const spec of serviceSpecs({ ...input, env: {} })) {
      assert.equal(spec.env.DATABASE_URL, spec.name === 'gateway' ? undefined : input.databaseUrl);
      assert.equal(spec.env.NATS_URL, input.natsUrl);
      assert.equal(spec.env.PORT, String(spec.port));
      assert.equal(spec.env.LOG_LEVEL, 'info');
      assert.equal('OTEL_EXPORTER_OTLP_ENDPOINT' in spec.env, false);
    }
  });

  it('passes the runner environment through, but its DATABASE_URL/NATS_URL/PORT are replaced', () => {
    const env = {
      DATABASE_URL: 'postgres://x@y/z',
      PORT: '9',
      LOG_LEVEL: 'debug',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318',
      PATH: '/bin',
    };
    const { sla, gateway } = byName(env);
    assert.equal(sla.env.DATABASE_URL, input.databaseUrl);
    assert.equal(gateway.env.DATABASE_URL, undefined);
    assert.equal(sla.env.PORT, '3002');
    assert.equal(sla.env.LOG_LEVEL, 'debug');
    assert.equal(sla.env.OTEL_EXPORTER_OTLP_ENDPOINT, 'http://c:4318');
    assert.equal(sla.env.PATH, '/bin');
  });

  it('drops an empty OTEL_EXPORTER_OTLP_ENDPOINT, which would fail URL validation', () => {
    assert.equal(
      'OTEL_EXPORTER_OTLP_ENDPOINT' in byName({ OTEL_EXPORTER_OTLP_ENDPOINT: '' }).audit.env,
      false,
    );
  });

  it('gives each service its dev defaults', () => {
    const s = byName({});
    const keys = s.gateway.env.API_KEYS.split(',');
    assert.deepEqual(keys.slice(0, 4), [
      'submitter:dev-submitter-key:dev-submitter:*',
      'agent:dev-agent-key:dev-agent:*',
      'auditor:dev-auditor-key:dev-auditor:*',
      'admin:dev-admin-key:dev-admin:*',
    ]);
    assert.ok(keys.includes('agent:dev-mimo-agent-key:dev-mimo-agent:mimo'));
    assert.equal(keys.length, 4 + 4 * 4);
    assert.equal(s.intake.env.PII_ENCRYPTION_KEYS, DEV_PII_ENCRYPTION_KEYS);
    assert.equal(Buffer.from(DEV_PII_ENCRYPTION_KEYS.split(':')[1], 'base64').length, 32);
    assert.equal(s.notifications.env.SMTP_URL, 'smtp://127.0.0.1:1025');
    assert.ok(s.feedback.env.SURVEY_LINK_SECRET);
    assert.equal(s.feedback.env.PUBLIC_BASE_URL, 'http://localhost:3000');
    assert.equal('AUDIT_SIGNING_KEY' in s.audit.env, false);
  });

  it('sends notifications to the mail server the runner resolved (SMTP_URL or its mail catcher)', () => {
    const specs = serviceSpecs({ ...input, env: {}, smtpUrl: 'smtp://127.0.0.1:40125' });
    assert.equal(specs.find((spec) => spec.name === 'notifications')?.env.SMTP_URL, 'smtp://127.0.0.1:40125');
  });

  it('keeps values the user set', () => {
    const env = {
      API_KEYS: 'admin:my-own-admin-key:me:*',
      PII_ENCRYPTION_KEYS: 'k1:abc',
      SMTP_URL: 'smtp://mail:25',
      SURVEY_LINK_SECRET: 's',
      PUBLIC_BASE_URL: 'https://example.test',
      AUDIT_SIGNING_KEY: 'sig',
    };
    const s = byName(env);
    assert.equal(s.gateway.env.API_KEYS, env.API_KEYS);
    assert.equal(s.intake.env.PII_ENCRYPTION_KEYS, env.PII_ENCRYPTION_KEYS);
    assert.equal(s.notifications.env.SMTP_URL, env.SMTP_URL);
    assert.equal(s.feedback.env.SURVEY_LINK_SECRET, 's');
    assert.equal(s.feedback.env.PUBLIC_BASE_URL, env.PUBLIC_BASE_URL);
    assert.equal(s.audit.env.AUDIT_SIGNING_KEY, 'sig');
  });

  it('moves every port, and the public URL, with COMPLAINTS_BASE_PORT', () => {
    const s = byName({ COMPLAINTS_BASE_PORT: '4000' });
    assert.equal(s.gateway.port, 4000);
    assert.equal(s.audit.port, 4006);
    assert.equal(s.feedback.env.PUBLIC_BASE_URL, 'http://localhost:4000');
  });
});

describe('basePort', () => {
  it('rejects what is not a usable port, in one line naming the variable', () => {
    for (const bad of ['abc', '0', '65535', '3000.5']) {
      assert.throws(
        () => basePort({ COMPLAINTS_BASE_PORT: bad }),
        /^Error: COMPLAINTS_BASE_PORT must be a whole number from 1 to 65529/,
      );
    }
    assert.equal(basePort({ COMPLAINTS_BASE_PORT: ' ' }), 3000);
  });
});

describe('readyTimeoutMs', () => {
  it('is 60 s unless COMPLAINTS_READY_TIMEOUT says otherwise', () => {
    assert.equal(readyTimeoutMs({}), 60_000);
    assert.equal(readyTimeoutMs({ COMPLAINTS_READY_TIMEOUT: '120' }), 120_000);
    assert.throws(() => readyTimeoutMs({ COMPLAINTS_READY_TIMEOUT: '-1' }), /COMPLAINTS_READY_TIMEOUT/);
  });
});
