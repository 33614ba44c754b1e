import { lookup } from 'node:dns/promises';
import { LookupFunction, isIP } from 'node:net';
import { isPublicAddress } from './public-addresses';

export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** Every address a host name resolves to (the system resolver, as a connection would use). */
export type ResolveHost = (hostname: string) => Promise<readonly ResolvedAddress[]>;

const systemResolver: ResolveHost = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));

/** An endpoint whose host is, or resolves to, an address a webhook must not reach. */
export class EndpointAddressRefused extends Error {
  override readonly name = 'EndpointAddressRefused';
}

/**
 * Where a webhook may go. At registration it checks the URL; at delivery its `lookup` is the
 * one the HTTP request connects with, so the address checked is the address connected to: a
 * name that resolved to a public address at registration and to 127.0.0.1 now (DNS rebinding)
 * is refused at connection time, with no window between check and use.
 */
export class EndpointAddressGuard {
  constructor(
    private readonly allowPrivate: boolean,
    private readonly resolveHost: ResolveHost = systemResolver,
  ) {}

  /** Why an endpoint URL is refused (scheme, credentials, where it resolves), or undefined. */
  async refusal(url: URL): Promise<string | undefined> {
    if (url.protocol !== 'https:' && !this.allowPrivate) return 'must be an https URL';
    // They would be stored and logged in the clear with the URL; the signature authenticates us instead.
    if (url.username || url.password) return 'must not contain a user name or password';
    try {
      await this.addressesOf(url.hostname);
      return undefined;
    } catch (error) {
      if (error instanceof EndpointAddressRefused) return error.message;
      return `its host ${url.hostname} does not resolve`;
    }
  }

  /**
   * The addresses a connection to `hostname` may use: all of them public (one private address
   * among public ones would do), unless private addresses are allowed.
   */
  async addressesOf(hostname: string): Promise<readonly ResolvedAddress[]> {
    // URL keeps the brackets of an IPv6 literal.
    const host = hostname.replace(/^\[(.*)\]$/, '$1');
    const family = isIP(host);
    const addresses = family === 0 ? await this.resolveHost(host) : [{ address: host, family: family === 6 ? (6 as const) : (4 as const) }];
    if (addresses.length === 0) throw new Error(`${host} resolves to no address`);
    const refused = this.allowPrivate ? undefined : addresses.find(({ address, family }) => !isPublicAddress(address, family));
    if (refused) {
      throw new EndpointAddressRefused(
        host === refused.address
          ? `${host} is not a public address (loopback, link-local or private)`
          : `${host} resolves to ${refused.address}, which is not a public address (loopback, link-local or private)`,
      );
    }
    return addresses;
  }

  /** For `http.request({ lookup })`: resolves and checks at connection time. */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    this.addressesOf(hostname).then(
      (addresses) => {
        if (options.all) {
          callback(null, addresses.map(({ address, family }) => ({ address, family })));
        } else {
          const [first] = addresses as [ResolvedAddress];
          callback(null, first.address, first.family);
        }
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}
