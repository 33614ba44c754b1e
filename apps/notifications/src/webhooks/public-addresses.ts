import { BlockList } from 'node:net';

/**
 * Addresses a webhook must never reach: the service's own machine, the networks it runs in and
 * the cloud metadata endpoint (169.254.169.254), so an admin cannot use the service to call
 * what only it can reach (server-side request forgery). Node's BlockList does the prefix
 * arithmetic, and checks an IPv4-mapped IPv6 address (`::ffff:127.0.0.1`) against the IPv4
 * rules.
 */
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", 0.0.0.0 included: connecting to it reaches the local host
  ['10.0.0.0', 8], // RFC 1918
  ['100.64.0.0', 10], // carrier-grade NAT (RFC 6598)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, where cloud metadata services answer
  ['172.16.0.0', 12], // RFC 1918
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16], // RFC 1918
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and the broadcast address
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['64:ff9b::', 96], // NAT64: would reach any IPv4 address, private ones included
  ['2002::', 16], // 6to4: likewise
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

/** Whether an IP address (4 or 6) is on the public internet, where a webhook may go. */
export function isPublicAddress(address: string, family: 4 | 6): boolean {
  return !NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
