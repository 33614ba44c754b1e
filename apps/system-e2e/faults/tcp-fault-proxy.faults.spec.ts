import { waitFor } from '@complaints/testing';
import { once } from 'node:events';
import { AddressInfo, Server, Socket, createConnection, createServer } from 'node:net';
import { TcpFaultProxy } from './support/tcp-fault-proxy';

/* The proxy the fault scenarios route connections through, against an echo server on loopback. */

async function echoServer(): Promise<Server> {
  const server = createServer((socket) => {
    // The proxy resets its side of the connection too: the server hears of it as an error.
    socket.on('error', () => socket.destroy());
    socket.pipe(socket);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return server;
}

async function connectTo(port: number): Promise<Socket> {
  const socket = createConnection({ host: '127.0.0.1', port });
  await once(socket, 'connect');
  return socket;
}

/** Resolves with what ended the socket: 'reset' (an error) or 'closed'. */
const ending = (socket: Socket) =>
  new Promise<string>((resolve) => {
    socket.on('error', () => resolve('reset'));
    socket.on('close', () => resolve('closed'));
  });

async function echo(socket: Socket, text: string): Promise<string> {
  socket.write(text);
  const [chunk] = (await once(socket, 'data')) as [Buffer];
  return chunk.toString();
}

describe(TcpFaultProxy.name, () => {
  let server: Server;
  let proxy: TcpFaultProxy;

  beforeEach(async () => {
    server = await echoServer();
    proxy = await TcpFaultProxy.start({ host: '127.0.0.1', port: (server.address() as AddressInfo).port });
  });

  afterEach(async () => {
    await proxy.stop();
    server.close();
  });

  it('passes bytes both ways unchanged', async () => {
    const socket = await connectTo(proxy.port);
    expect(await echo(socket, 'SELECT 1')).toBe('SELECT 1');
    socket.destroy();
  });

  it('holds every chunk back by the latency set, in order', async () => {
    proxy.setLatency(100);
    const socket = await connectTo(proxy.port);
    const sentAt = Date.now();
    // The chunk crosses the proxy twice (to the server and back), delayed each way.
    expect(await echo(socket, 'PING')).toBe('PING');
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(195);
    socket.destroy();
  });

  it('resets the connections its random draw picks, and only those', async () => {
    const sockets = await Promise.all([1, 2, 3, 4].map(() => connectTo(proxy.port)));
    // A client connects before the proxy has accepted it: wait until the proxy holds all four.
    await waitFor('the proxy to accept four connections', () => proxy.openConnections === 4);
    const endings = sockets.map(ending);
    const draws = [0.01, 0.9, 0.02, 0.9];
    expect(proxy.resetFraction(0.05, () => draws.shift() ?? 1)).toBe(2);
    expect(await Promise.all([endings[0], endings[2]])).toEqual(['reset', 'reset']);
    expect(await echo(sockets[1] as Socket, 'still here')).toBe('still here');
    expect(proxy.faultsInjected).toBe(2);
    for (const socket of sockets) socket.destroy();
  });

  it('cuts every connection and refuses new ones during an outage, and lets them in after it', async () => {
    const before = await connectTo(proxy.port);
    const cut = ending(before);
    const outage = proxy.outage(300);
    expect(await cut).toBe('reset');
    const during = createConnection({ host: '127.0.0.1', port: proxy.port });
    expect(await ending(during)).toBe('reset');
    await outage;
    const after = await connectTo(proxy.port);
    expect(await echo(after, 'back')).toBe('back');
    after.destroy();
  });
});
