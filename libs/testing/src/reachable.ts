import { Socket } from 'node:net';

/**
 * True when something accepts TCP connections at the URL's host and port. A closed port is
 * refused at once; the timeout only bounds a host that drops packets, and is generous because
 * a busy test process (a full `npm test` compiling in every worker) can take a second to get
 * round to a connection that succeeded, which a short timeout turned into "not reachable".
 */
export function isReachable(url: string, defaultPort: number, timeoutMs = 5000): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    const finish = (result: boolean) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('error', () => finish(false));
    socket.connect(Number(port) || defaultPort, hostname || '127.0.0.1', () => finish(true));
  });
}
