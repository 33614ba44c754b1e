import { isPublicAddress } from './public-addresses';

describe(isPublicAddress.name, () => {
  it.each([
    ['127.0.0.1', 4],
    ['127.255.0.9', 4],
    ['0.0.0.0', 4],
    ['10.1.2.3', 4],
    ['172.16.0.1', 4],
    ['172.31.255.254', 4],
    ['192.168.1.10', 4],
    ['100.64.0.1', 4],
    ['169.254.169.254', 4],
    ['169.254.10.1', 4],
    ['224.0.0.251', 4],
    ['255.255.255.255', 4],
    ['::', 6],
    ['::1', 6],
    ['fc00::1', 6],
    ['fd12:3456::1', 6],
    ['fe80::1', 6],
    ['::ffff:127.0.0.1', 6],
    ['::ffff:10.0.0.1', 6],
    ['::ffff:a9fe:a9fe', 6],
    ['64:ff9b::a00:1', 6],
  ] as const)('refuses %s', (address, family) => {
    expect(isPublicAddress(address, family)).toBe(false);
  });

  it.each([
    ['93.184.216.34', 4],
    ['8.8.8.8', 4],
    ['172.32.0.1', 4],
    ['100.128.0.1', 4],
    ['2606:2800:220:1:248:1893:25c8:1946', 6],
    ['::ffff:8.8.8.8', 6],
  ] as const)('accepts %s', (address, family) => {
    expect(isPublicAddress(address, family)).toBe(true);
  });
});
