import { createServer } from 'node:net';

/**
 * A port nothing listens on right now, so the service's config names the port it really
 * serves on (services bind every interface, so this checks every interface too).
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '0.0.0.0', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
