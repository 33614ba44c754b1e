import { EndpointAddressGuard, ResolveHost } from './endpoint-address-guard';

// A resolver of fixed answers: these tests are about what is done with the addresses.
const resolver =
  (answers: Record<string, string[]>): ResolveHost =>
  async (hostname) => {
    const addresses = answers[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

const dns = resolver({
  'hooks.example.com': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
  'internal.example.com': ['10.0.0.7'],
  'mixed.example.com': ['93.184.216.34', '127.0.0.1'],
  'metadata.example.com': ['169.254.169.254'],
});

describe(EndpointAddressGuard.name, () => {
  const guard = new EndpointAddressGuard(false, dns);
  const refusal = (url: string) => guard.refusal(new URL(url));

  it('accepts an https URL whose host resolves only to public addresses', async () => {
    expect(await refusal('https://hooks.example.com/complaints')).toBeUndefined();
  });

  it('refuses a host that resolves to a private or metadata address, naming it', async () => {
    expect(await refusal('https://internal.example.com/')).toMatch(/resolves to 10\.0\.0\.7/);
    expect(await refusal('https://metadata.example.com/latest')).toMatch(/169\.254\.169\.254/);
  });

  it('refuses a host with one private address among public ones', async () => {
    expect(await refusal('https://mixed.example.com/')).toMatch(/127\.0\.0\.1/);
  });

  it('refuses address literals that are not public, IPv6 and IPv4-mapped included', async () => {
    for (const url of ['https://127.0.0.1/', 'https://[::1]/', 'https://[::ffff:127.0.0.1]/', 'https://[fd00::1]/', 'https://0.0.0.0/']) {
      expect(await refusal(url)).toMatch(/not a public address/);
    }
  });

  it('refuses plain http, credentials and names that do not resolve', async () => {
    expect(await refusal('http://hooks.example.com/')).toBe('must be an https URL');
    expect(await refusal('https://user:pass@hooks.example.com/')).toMatch(/user name or password/);
    expect(await refusal('https://nowhere.example.com/')).toMatch(/does not resolve/);
  });

  it('accepts private addresses and http only when development allows them', async () => {
    const development = new EndpointAddressGuard(true, dns);
    expect(await development.refusal(new URL('http://127.0.0.1:8080/hook'))).toBeUndefined();
    expect(await development.refusal(new URL('https://internal.example.com/'))).toBeUndefined();
  });

  it('gives a connection only checked addresses, and an error for a name that now resolves privately', async () => {
    const lookup = (hostname: string, all: boolean) =>
      new Promise((resolve, reject) =>
        guard.lookup(hostname, { all }, (error, address, family) => (error ? reject(error) : resolve(all ? address : { address, family }))),
      );
    expect(await lookup('hooks.example.com', false)).toEqual({ address: '93.184.216.34', family: 4 });
    expect(await lookup('hooks.example.com', true)).toHaveLength(2);
    await expect(lookup('internal.example.com', true)).rejects.toThrow(/not a public address/);
  });
});
