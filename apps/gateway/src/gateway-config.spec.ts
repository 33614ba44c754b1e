import { ConfigError, loadConfig } from '@complaints/config';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatewayEnvSchema, hashApiKey } from './gateway-config';

const base = { NATS_URL: 'nats://127.0.0.1:4222', PORT: '3000' };
const load = (API_KEYS: string) => loadConfig(gatewayEnvSchema, { ...base, API_KEYS });

describe('API_KEYS', () => {
  it('reads role:key:name:organisation entries and keeps only each key’s hash', () => {
    const keys = load('submitter:web-form-key-0001:web-form:mimo,agent:crm-agent-key-001:crm:*').API_KEYS ?? [];
    expect(keys.map(({ role, name, organisationId }) => ({ role, name, organisationId }))).toEqual([
      { role: 'submitter', name: 'web-form', organisationId: 'mimo' },
      { role: 'agent', name: 'crm', organisationId: '*' },
    ]);
    expect(keys[0]?.hash.equals(hashApiKey('web-form-key-0001'))).toBe(true);
  });

  it.each([
    ['an unnamed key', 'submitter:web-form-key-0001', /entry 1 must be role:key:name:organisation/],
    ['a key without an organisation', 'submitter:web-form-key-0001:web', /entry 1 must be role:key:name:organisation/],
    ['an organisation that is not an id', 'submitter:web-form-key-0001:web:Mimo Ltd', /entry 1 must be role:key:name:organisation/],
    ['an unknown role', 'owner:web-form-key-0001:web:mimo', /entry 1 must be role:key:name:organisation/],
    ['a short key', 'agent:short:crm:mimo', /entry 1 must be role:key:name:organisation/],
    ['a name with spaces', 'agent:crm-agent-key-001:the crm:mimo', /entry 1 must be role:key:name:organisation/],
    ['a repeated name', 'submitter:web-form-key-0001:web:mimo,agent:crm-agent-key-001:web:mimo', /entry 2 repeats the name "web"/],
    ['a repeated key', 'submitter:web-form-key-0001:web:mimo,agent:web-form-key-0001:crm:mimo', /entry 2 repeats its key/],
  ])('refuses %s, naming API_KEYS and the entry', (_what, value, message) => {
    expect(() => load(value)).toThrow(ConfigError);
    expect(() => load(value)).toThrow(message);
    expect(() => load(value)).toThrow(/^invalid configuration: API_KEYS: /);
  });
});

describe('API_KEYS_FILE', () => {
  const file = (text: string): string => {
    const path = join(mkdtempSync(join(tmpdir(), 'api-keys-')), 'keys');
    writeFileSync(path, text);
    return path;
  };
  const loadFile = (path: string, extra: Record<string, string> = {}) =>
    loadConfig(gatewayEnvSchema, { ...base, API_KEYS_FILE: path, ...extra });

  it('reads key hashes only, with comments and blank lines', () => {
    const sha = hashApiKey('web-form-key-0001').toString('hex');
    const { API_KEYS_FILE: keys } = loadFile(file(`# the web form\nsubmitter:${sha}:web-form:mimo\n\n`));
    expect(keys).toEqual([{ role: 'submitter', name: 'web-form', organisationId: 'mimo', hash: hashApiKey('web-form-key-0001') }]);
  });

  it('refuses a key in clear, a missing file, and both sources at once', () => {
    expect(() => loadFile(file('submitter:web-form-key-0001:web-form:mimo'))).toThrow(/API_KEYS_FILE: entry 1 must be role:<sha-256/);
    expect(() => loadFile('/nonexistent/keys')).toThrow(/API_KEYS_FILE: cannot read/);
    expect(() => loadFile(file(''), { API_KEYS: 'agent:crm-agent-key-001:crm:*' })).toThrow(/API_KEYS: is required, or API_KEYS_FILE, but not both/);
    expect(() => loadConfig(gatewayEnvSchema, base)).toThrow(/API_KEYS: is required, or API_KEYS_FILE/);
  });
});
