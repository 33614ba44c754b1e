import { ConfigError, loadConfig } from '@complaints/config';
import { gatewayEnvSchema, hashApiKey } from './gateway-config';

const base = { NATS_URL: 'nats://127.0.0.1:4222', PORT: '3000' };
const load = (API_KEYS: string) => loadConfig(gatewayEnvSchema, { ...base, API_KEYS });

describe('API_KEYS', () => {
  it('reads role:key:name entries and keeps only each key’s hash', () => {
    const { API_KEYS: keys } = load('submitter:web-form-key-0001:web-form,agent:crm-agent-key-001:crm');
    expect(keys.map(({ role, name }) => ({ role, name }))).toEqual([
      { role: 'submitter', name: 'web-form' },
      { role: 'agent', name: 'crm' },
    ]);
    expect(keys[0]?.hash.equals(hashApiKey('web-form-key-0001'))).toBe(true);
  });

  it.each([
    ['an unnamed key', 'submitter:web-form-key-0001', /entry 1 must be role:key:name/],
    ['an unknown role', 'owner:web-form-key-0001:web', /entry 1 must be role:key:name/],
    ['a short key', 'agent:short:crm', /entry 1 must be role:key:name/],
    ['a name with spaces', 'agent:crm-agent-key-001:the crm', /entry 1 must be role:key:name/],
    ['a repeated name', 'submitter:web-form-key-0001:web,agent:crm-agent-key-001:web', /entry 2 repeats the name "web"/],
    ['a repeated key', 'submitter:web-form-key-0001:web,agent:web-form-key-0001:crm', /entry 2 repeats its key/],
  ])('refuses %s, naming API_KEYS and the entry', (_what, value, message) => {
    expect(() => load(value)).toThrow(ConfigError);
    expect(() => load(value)).toThrow(message);
    expect(() => load(value)).toThrow(/^invalid configuration: API_KEYS: /);
  });
});
